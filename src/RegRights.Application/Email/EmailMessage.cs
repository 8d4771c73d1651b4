
namespace RegRights.Application.Email;

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

    /// <summary>The Bcc recipients, whom the other recipients do not see; may be empty.</summary>
    public IReadOnlyList<EmailAddress> Bcc { get; init; } = [];

    /// <summary>
    /// Where replies go (the <c>Reply-To</c> header), e.g. the deal's company counsel rather than a no-reply sender;
    /// empty: replies go to the sender.
    /// </summary>
    public IReadOnlyList<EmailAddress> ReplyTo { get; init; } = [];

    /// <summary>
    /// Custom header fields (ACS's <c>headers</c>; SMTP header fields), e.g. <c>X-RegRights-Reminder</c>. A name is
    /// printable ASCII without spaces or colons; a value has no line break, so neither can add a header of its own.
    /// </summary>
    /// <exception cref="ArgumentException">A name or value that could not be sent as one header field.</exception>
    public IReadOnlyDictionary<string, string> Headers
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var (name, text) in value)
            {
                if (string.IsNullOrEmpty(name) || name.Any(c => c is <= ' ' or > '~' or ':'))
                {
                    throw new ArgumentException($"'{name}' is not a header name: printable ASCII, no space or colon.", nameof(Headers));
                }

                if (text is null || text.Any(c => c is '\r' or '\n' or '\0'))
                {
                    throw new ArgumentException($"The value of header '{name}' has a line break or NUL.", nameof(Headers));
                }
            }

            field = new Dictionary<string, string>(value, StringComparer.OrdinalIgnoreCase);
        }
    } = new Dictionary<string, string>();

    /// <summary>
    /// Whether open and click tracking is off for this email (ACS's <c>userEngagementTrackingDisabled</c>). True by
    /// default: legal mail is not tracked, even where the resource has engagement tracking turned on.
    /// </summary>
    public bool UserEngagementTrackingDisabled { get; init; } = true;

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
        return new EmailMessage(To, Subject, PlainText, Html)
        {
            From = from, Cc = Cc, Bcc = Bcc, ReplyTo = ReplyTo, Headers = Headers, Attachments = Attachments,
            UserEngagementTrackingDisabled = UserEngagementTrackingDisabled,
        };
    }
}
