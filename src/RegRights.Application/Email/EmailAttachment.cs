namespace RegRights.Application.Email;

/// <summary>A file attached to an email, e.g. the <c>.ics</c> calendar entry a deadline reminder carries.</summary>
public sealed class EmailAttachment
{
    /// <summary>Creates an attachment.</summary>
    /// <param name="fileName">The name the recipient sees, e.g. "filing-deadline.ics".</param>
    /// <param name="contentType">The MIME type, e.g. "text/calendar; method=PUBLISH; charset=utf-8".</param>
    /// <param name="content">The bytes, sent as they are.</param>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> or <paramref name="contentType"/> is empty.</exception>
    public EmailAttachment(string fileName, string contentType, ReadOnlyMemory<byte> content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    /// <summary>The name the recipient sees.</summary>
    public string FileName { get; }

    /// <summary>The MIME type, with parameters if any.</summary>
    public string ContentType { get; }

    /// <summary>The bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }
}
