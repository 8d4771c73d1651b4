namespace RegRights.Application;

/// <summary>How a stored record's shape number is checked (<c>Agreements/Rows</c>, <c>Notices/Rows</c>).</summary>
internal static class StoredShape
{
    /// <summary>Refuses a record of a shape other than <paramref name="current"/>; a record without a number is shape 1, written before shapes were numbered.</summary>
    /// <exception cref="InvalidDataException">The record is of another shape: read as this one, a member could be dropped or misread.</exception>
    public static void Check(int? shape, int current, string what, string id)
    {
        if (!IsReadable(shape, current))
        {
            throw new InvalidDataException($"The {what} '{id}' is stored in shape {shape}, which this version does not read.");
        }
    }

    /// <summary>Whether a record of <paramref name="shape"/> reads as <paramref name="current"/>, for a reader that skips what it cannot read.</summary>
    public static bool IsReadable(int? shape, int current) => (shape ?? 1) == current;
}

/// <summary>
/// The names an enum's values are stored by, apart from the API's, so that renaming a value in the API is not a
/// migration; a stored name this version does not know is refused, never dropped.
/// </summary>
internal sealed class StoredNames<TEnum>
    where TEnum : struct, Enum
{
    private readonly string what;
    private readonly Dictionary<TEnum, string> names;
    private readonly Dictionary<string, TEnum> values;

    /// <summary>Creates the table of <paramref name="what"/> (a value's name in messages, e.g. <c>party role</c>).</summary>
    /// <exception cref="ArgumentException">A value of <typeparamref name="TEnum"/> has no stored name, or two share one.</exception>
    public StoredNames(string what, Dictionary<TEnum, string> names)
    {
        // A value added to the enum and not here would fail its first write with a bare KeyNotFoundException.
        if (Enum.GetValues<TEnum>().Where(v => !names.ContainsKey(v)).ToList() is [_, ..] missing)
        {
            throw new ArgumentException($"No stored {what} for {string.Join(", ", missing)}.", nameof(names));
        }

        this.what = what;
        this.names = names;
        values = names.ToDictionary(n => n.Value, n => n.Key, StringComparer.Ordinal);
    }

    /// <summary>The stored name of <paramref name="value"/>.</summary>
    public string this[TEnum value] => names[value];

    /// <summary>The value <paramref name="stored"/> names.</summary>
    /// <param name="stored">The stored name.</param>
    /// <param name="of">What holds it, for the message, e.g. <c>receipt 'r-1'</c>; null when the caller has no id to give.</param>
    /// <exception cref="InvalidDataException">No value has that stored name.</exception>
    public TEnum Read(string stored, string? of = null) =>
        values.TryGetValue(stored, out var value)
            ? value
            : throw new InvalidDataException($"A stored {what} '{stored}'{(of is null ? "" : $" of the {of}")} is not one this version knows.");
}
