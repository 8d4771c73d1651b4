namespace RegRights.Infrastructure.Email;

/// <summary>One email, transport-neutral: what the ACS client and the SMTP sender both send.</summary>
/// <remarks>
/// A message needs at least one To recipient, a subject and at least one body (text or HTML). When both bodies are
/// given, SMTP sends them as alternatives (multipart/alternative) and ACS as its <c>plainText</c> and <c>html</c>.
/// <see cref="From"/> may be left null: the senders then use the configured <c>Email:From</c>.
/// </remarks>
public sealed class EmailMessage
{
    /// <summary>Creates a message.</summary>
    /// <param name="to">The To recipients; at least one.</param>
    /// <param name="subject">The subject line.</param>
    /// <param name="plainText">The text body, or null.</param>
    /// <param name="html">The HTML body, or null.</param>
    /// <exception cref="ArgumentException">No recipient, an empty subject, or neither body.</exception>
    public EmailMessage(IEnumerable<EmailAddress> to, string subject, string? plainText, string? html)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        To = [.. to];
        if (To.Count == 0)
        {
            throw new ArgumentException("An email needs at least one To recipient.", nameof(to));
        }

        if (string.IsNullOrEmpty(plainText) && string.IsNullOrEmpty(html))
        {
            throw new ArgumentException("An email needs a text body, an HTML body or both.", nameof(plainText));
        }

        Subject = subject;
        PlainText = plainText;
        Html = html;
    }

    /// <summary>The sender, or null for the configured <c>Email:From</c>.</summary>
    public EmailAddress? From { get; init; }

    /// <summary>The To recipients; never empty.</summary>
    public IReadOnlyList<EmailAddress> To { get; }

    /// <summary>The Cc recipients; may be empty.</summary>
    public IReadOnlyList<EmailAddress> Cc { get; init; } = [];

    /// <summary>The subject line.</summary>
    public string Subject { get; }

    /// <summary>The text body, or null.</summary>
    public string? PlainText { get; }

    /// <summary>The HTML body, or null.</summary>
    public string? Html { get; }

    /// <summary>The attachments, in order; may be empty.</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>This message with <paramref name="from"/> as its sender.</summary>
    /// <param name="from">The sender.</param>
    public EmailMessage WithFrom(EmailAddress from)
    {
        ArgumentNullException.ThrowIfNull(from);
        return new EmailMessage(To, Subject, PlainText, Html) { From = from, Cc = Cc, Attachments = Attachments };
    }
}
