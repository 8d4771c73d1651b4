using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using RegRights.Core.Utility;

namespace RegRights.Core.Deadlines;

/// <summary>
/// A deadline instance's identity: the obligation's catalog key and, for a repeating obligation or a second closing's
/// Filing Deadline, the instance number. Its text, <c>filing-date</c> or <c>sec-comment-response#2</c>, is the key the
/// deadlines document, the deadline index, the reminder ledger and the events (<c>deadlineKey</c>) carry.
/// </summary>
/// <remarks>
/// <para>
/// The text round-trips: <see cref="Parse"/> accepts exactly what <see cref="ToString()"/> writes, an obligation key of
/// lower-case letters and digits in hyphen-joined words, then optionally <c>#</c> and a number from 1 without a sign or
/// leading zeros (<c>sec-comment-response#02</c> is refused, since it would be written back as <c>#2</c>). Whether the
/// key names an obligation of the catalog is <see cref="ObligationCatalog.Find(DeadlineId)"/>'s question, not this
/// type's, so a row written by a later version still reads.
/// </para>
/// <para>
/// <c>default</c> is no deadline's identity: its <see cref="ObligationKey"/> and its text are the empty string, which
/// <see cref="Parse"/> refuses.
/// </para>
/// </remarks>
public readonly record struct DeadlineId
{
    /// <summary>The separator of the instance number in the text.</summary>
    public const char InstanceSeparator = '#';

    // Null only in default, which no constructor makes.
    private readonly string? key;

    /// <summary>Creates the identity of an obligation's only instance, e.g. <c>filing-date</c>.</summary>
    /// <param name="obligationKey">The catalog key, e.g. <c>filing-date</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="obligationKey"/> is not hyphen-joined lower-case words.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="obligationKey"/> is null.</exception>
    public DeadlineId(string obligationKey)
    {
        ArgumentNullException.ThrowIfNull(obligationKey);

        // The message is written only on failure: every deadline of every schedule is made through here.
        if (!IsObligationKey(obligationKey))
        {
            throw new ArgumentException(
                $"'{obligationKey}' is not an obligation key: lower-case letters and digits in words joined by single hyphens.", nameof(obligationKey));
        }

        key = obligationKey;
    }

    /// <summary>Creates the identity of an obligation's instance <paramref name="instance"/>, e.g. <c>sec-comment-response#2</c>.</summary>
    /// <param name="obligationKey">The catalog key, e.g. <c>sec-comment-response</c>.</param>
    /// <param name="instance">The instance number, 1 to <see cref="int.MaxValue"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="obligationKey"/> is not hyphen-joined lower-case words.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="obligationKey"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instance"/> is less than 1.</exception>
    public DeadlineId(string obligationKey, int instance)
        : this(obligationKey)
    {
        Instance = Preconditions.CheckArgumentRange(nameof(instance), instance, 1, int.MaxValue);
    }

    /// <summary>The obligation's catalog key, e.g. <c>sec-comment-response</c>; empty only for <c>default</c>.</summary>
    public string ObligationKey => key ?? string.Empty;

    /// <summary>The instance number from 1, or null for an obligation's only instance (<c>filing-date</c>).</summary>
    public int? Instance { get; }

    /// <summary>Reads an identity from its text.</summary>
    /// <param name="text">The text, e.g. <c>sec-comment-response#2</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a deadline key (see the remarks on the type).</exception>
    public static DeadlineId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var id)
            ? id
            : throw new FormatException($"'{text}' is not a deadline key: an obligation key such as filing-date, optionally with #n, n from 1 (sec-comment-response#2).");
    }

    /// <summary>Reads an identity from its text, without throwing.</summary>
    /// <param name="text">The text, e.g. <c>sec-comment-response#2</c>; null reads as no identity.</param>
    /// <param name="id">The identity, or <c>default</c>.</param>
    /// <returns>Whether <paramref name="text"/> is a deadline key (see the remarks on the type).</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out DeadlineId id)
    {
        id = default;
        if (text is null)
        {
            return false;
        }

        var hash = text.IndexOf(InstanceSeparator, StringComparison.Ordinal);
        if (hash < 0)
        {
            if (!IsObligationKey(text))
            {
                return false;
            }

            id = new DeadlineId(text);
            return true;
        }

        if (!IsObligationKey(text.AsSpan(0, hash)))
        {
            return false;
        }

        var number = text.AsSpan(hash + 1);
        if (number.Length == 0 || number[0] == '0'
            || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var instance))
        {
            return false;
        }

        id = new DeadlineId(text[..hash], instance);
        return true;
    }

    /// <summary>The text: <c>filing-date</c>, or <c>sec-comment-response#2</c> for an instance.</summary>
    public override string ToString() => ToString(InstanceSeparator);

    /// <summary>
    /// The text with another separator than <c>#</c>, for where <c>#</c> may not stand: <c>~</c> in Table Storage keys,
    /// <c>-</c> in an attachment's file name (<c>sec-comment-response-2.ics</c>).
    /// </summary>
    /// <param name="separator">What stands between the obligation key and the instance number.</param>
    public string ToString(char separator) =>
        Instance is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"{ObligationKey}{separator}{n}")
            : ObligationKey;

    // "filing-date", "effectiveness-period-end": words of [a-z0-9], each hyphen between two of them.
    private static bool IsObligationKey(ReadOnlySpan<char> key)
    {
        if (key.Length == 0 || key[0] == '-' || key[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' || (c == '-' && key[i - 1] != '-')))
            {
                return false;
            }
        }

        return true;
    }
}
