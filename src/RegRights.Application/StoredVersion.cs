namespace RegRights.Application;

/// <summary>
/// The version of a stored row as its store gave it: opaque text, equal only to the same text, that a conditional
/// write names so that it fails if the row changed since. <c>default</c> is none: a row not read or written.
/// </summary>
/// <remarks>
/// There is no "any version": a port's conditional write is always on one version, so no write through it is blind.
/// Table Storage's ETags are weak, e.g. <c>W/"datetime'2026-01-02T15%3A04%3A05.1234567Z'"</c>, kept as given.
/// </remarks>
public readonly record struct StoredVersion
{
    private readonly string? text;

    /// <summary>The version <paramref name="text"/> names, as the store gave it.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty, or <c>*</c> (any version, which would make a write blind).</exception>
    public StoredVersion(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        if (text == "*")
        {
            throw new ArgumentException("A version names one state of a row; '*' (any) is not one.", nameof(text));
        }

        this.text = text;
    }

    /// <summary>Whether this is <c>default</c>: no version.</summary>
    public bool IsNone => text is null;

    /// <summary>The text as the store gave it; empty for none.</summary>
    public override string ToString() => text ?? "";
}
