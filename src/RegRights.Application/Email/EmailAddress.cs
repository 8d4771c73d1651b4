namespace RegRights.Application.Email;

/// <summary>A mailbox: an address and, optionally, the name shown beside it.</summary>
/// <remarks>
/// The address is checked only for shape (something before and after one '@'); whether the mailbox exists is the
/// provider's answer, not ours. Equality is by value, case-sensitive as given.
/// </remarks>
public sealed record EmailAddress
{
    /// <summary>Creates a mailbox.</summary>
    /// <param name="address">The address, e.g. "counsel@example.com".</param>
    /// <param name="displayName">The name shown beside it, or null for none.</param>
    /// <exception cref="ArgumentException"><paramref name="address"/> is empty or has no local part or domain.</exception>
    public EmailAddress(string address, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1)
        {
            throw new ArgumentException($"'{address}' is not an email address: it needs a local part, '@' and a domain.", nameof(address));
        }

        Address = address;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName;
    }

    /// <summary>The longest address an SMTP path carries: 256 octets with its angle brackets (RFC 5321 § 4.5.3.1.3).</summary>
    public const int MaxLength = 254;

    /// <summary>
    /// Why <paramref name="address"/> is not a bare address a transport can send to, or null when it is one: parsed
    /// by MimeKit under strict RFC 5322 rules, with a local part and a domain, nothing else around it (no display name,
    /// no angle brackets, no spaces or control characters), at most <see cref="MaxLength"/> characters.
    /// </summary>
    /// <remarks>
    /// "not an email &lt;script&gt;" is refused (a display name and a mailbox "script" with no domain), as is
    /// "counsel@lw.example, cfo@neot.example" (two addresses): stored, either would fail every reminder sent to it.
    /// </remarks>
    /// <param name="address">The address as given.</param>
    public static string? FindProblem(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Length > MaxLength)
        {
            return $"At most {MaxLength} characters (RFC 5321 § 4.5.3.1.3); {address.Length} were given.";
        }

        if (address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';'))
        {
            return $"'{address}' is not one bare email address: give only the address, e.g. apettis@lw.example, without a name, spaces or brackets.";
        }

        return MimeKit.MailboxAddress.TryParse(StrictParsing, address, out var mailbox)
               && string.IsNullOrEmpty(mailbox.Name) && mailbox.Address == address
               && mailbox.LocalPart.Length > 0 && mailbox.Domain.Length > 0 && !mailbox.Domain.StartsWith('.') && !mailbox.Domain.EndsWith('.')
            ? null
            : $"'{address}' is not an email address (RFC 5322 § 3.4.1): it needs a local part, '@' and a domain, e.g. apettis@lw.example.";
    }

    private static readonly MimeKit.ParserOptions StrictParsing = new()
    {
        AddressParserComplianceMode = MimeKit.RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
    };

    /// <summary>The address, e.g. "counsel@example.com".</summary>
    public string Address { get; }

    /// <summary>The name shown beside the address, or null.</summary>
    public string? DisplayName { get; }

    /// <summary>The part after the last '@', e.g. "example.com".</summary>
    public string Domain => Address[(Address.LastIndexOf('@') + 1)..];

    /// <inheritdoc />
    public override string ToString() => DisplayName is null ? Address : $"{DisplayName} <{Address}>";
}
