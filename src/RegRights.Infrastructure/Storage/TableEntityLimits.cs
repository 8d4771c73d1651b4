using System.Globalization;
using Azure.Data.Tables;

namespace RegRights.Infrastructure.Storage;

/// <summary>
/// Table Storage's size limits, checked before a write so an entity over them is refused naming the field instead of
/// failing at the service with <c>PropertyValueTooLarge</c> or <c>EntityTooLarge</c>.
/// </summary>
/// <remarks>
/// A property holds at most 64 KiB: a string at most 32,768 UTF-16 characters, a byte array 65,536 bytes; an entity at
/// most 1 MiB, counted as the service counts it: 4 bytes, plus 2 per character of PartitionKey and RowKey, plus for each
/// property 8 bytes, 2 per character of its name and its value's size (a string 4 + 2 per character, a byte array
/// 4 + its length, an Int32 4, an Int64, Double or DateTime 8, a Guid 16, a Boolean 1). One hundred contacts with
/// 1,000-character addresses are 100,000 characters of JSON in the Contacts column: over the first limit.
/// </remarks>
internal static class TableEntityLimits
{
    /// <summary>The most UTF-16 characters a string property holds (64 KiB).</summary>
    internal const int MaxStringLength = 32 * 1024;

    /// <summary>The most bytes a binary property holds (64 KiB).</summary>
    internal const int MaxBinaryLength = 64 * 1024;

    /// <summary>The most bytes an entity takes (1 MiB).</summary>
    internal const int MaxEntitySize = 1024 * 1024;

    /// <summary>
    /// The first limit <paramref name="entity"/> breaks, keyed by the JSON path of the field it stores
    /// (<paramref name="paths"/>: column → path, e.g. Contacts → <c>$.contacts</c>); null when it fits.
    /// </summary>
    internal static Dictionary<string, string[]>? FindTooLarge(TableEntity entity, IReadOnlyDictionary<string, string> paths)
    {
        foreach (var (name, value) in entity)
        {
            var path = paths.TryGetValue(name, out var p) ? p : "$";
            var over = value switch
            {
                string s when s.Length > MaxStringLength => Invariant(
                    $"Too large to store: {s.Length:N0} characters where Table Storage holds at most {MaxStringLength:N0} (64 KiB) in one property. Shorten it or split the agreement's contacts and parties."),
                byte[] b when b.Length > MaxBinaryLength => Invariant(
                    $"Too large to store: {b.Length:N0} bytes where Table Storage holds at most {MaxBinaryLength:N0} (64 KiB) in one property."),
                _ => null,
            };
            if (over is not null)
            {
                return new() { [path] = [over] };
            }
        }

        var size = Size(entity);
        return size > MaxEntitySize
            ? new() { ["$"] = [Invariant($"Too large to store: {size:N0} bytes where Table Storage holds at most {MaxEntitySize:N0} (1 MiB) in one entity.")] }
            : null;
    }

    private static long Size(TableEntity entity)
    {
        long size = 4 + (2L * (entity.PartitionKey.Length + entity.RowKey.Length));
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "odata.etag" or "Timestamp")
            {
                continue;
            }

            size += 8 + (2L * name.Length) + value switch
            {
                string s => 4 + (2L * s.Length),
                byte[] b => 4 + b.Length,
                BinaryData d => 4 + d.ToMemory().Length,
                int => 4,
                bool => 1,
                Guid => 16,
                _ => 8,
            };
        }

        return size;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
