namespace RegRights.Infrastructure.Email;

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

    /// <summary>The address, e.g. "counsel@example.com".</summary>
    public string Address { get; }

    /// <summary>The name shown beside the address, or null.</summary>
    public string? DisplayName { get; }

    /// <summary>The part after the last '@', e.g. "example.com".</summary>
    public string Domain => Address[(Address.LastIndexOf('@') + 1)..];

    /// <inheritdoc />
    public override string ToString() => DisplayName is null ? Address : $"{DisplayName} <{Address}>";
}
