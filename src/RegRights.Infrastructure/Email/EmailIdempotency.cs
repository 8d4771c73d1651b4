using System.Security.Cryptography;
using System.Text;

namespace RegRights.Infrastructure.Email;

/// <summary>Turns a reminder ledger key into the ids the providers de-duplicate or recognise a resend by.</summary>
public static class EmailIdempotency
{
    /// <summary>
    /// The namespace of every RegRights email id (a fixed random UUID). Changing it would make every retry after a
    /// deployment a new operation at ACS, so it never changes.
    /// </summary>
    public static readonly Guid Namespace = new("0c6f3a5e-8f0b-4f55-9d6a-2e4b1f7c9a31");

    /// <summary>The ACS <c>Operation-Id</c> (and SMTP Message-Id local part) for <paramref name="idempotencyKey"/>.</summary>
    /// <remarks>A name-based UUID, version 5 (RFC 9562 § 5.5): the same key always gives the same id, so a retried
    /// send is the same operation at ACS; different keys give different ids.</remarks>
    /// <param name="idempotencyKey">The reminder ledger row's key.</param>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is empty.</exception>
    public static Guid OperationIdFor(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return NameBasedUuid(Namespace, idempotencyKey);
    }

    /// <summary>RFC 9562 § 5.5 UUIDv5: SHA-1 of the namespace's bytes (network order) then the name's UTF-8 bytes.</summary>
    internal static Guid NameBasedUuid(Guid namespaceId, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        // SHA-1 is what version 5 is defined with; this is an identifier, not a security boundary.
#pragma warning disable CA5350
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }
}
