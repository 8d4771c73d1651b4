using System.Globalization;
using RegRights.Core.Utility;

namespace RegRights.Core.DelayPayments;

/// <summary>An exact amount of money in one currency: a <see cref="decimal"/>, never floating point.</summary>
/// <remarks>
/// Arithmetic and comparison are defined only within one currency: adding dollars to euros throws, as comparing
/// <c>LocalDate</c>s of two calendars does. Products (<see cref="Times"/>) keep every digit; only
/// <see cref="Round"/> drops any, under a named <see cref="MoneyRounding"/>. <c>default</c> is zero with no currency,
/// and any arithmetic on it throws.
/// </remarks>
public readonly record struct Money : IComparable<Money>, ISpanFormattable
{
    // "N2" … "N28", by scale: the standard number format is several times faster than a custom pattern.
    private static readonly string[] NumberFormats = [.. Enumerable.Range(0, 29).Select(n => "N" + n.ToString(CultureInfo.InvariantCulture))];

    /// <summary>Creates an amount.</summary>
    /// <param name="amount">The amount, any sign and scale.</param>
    /// <param name="currency">An ISO 4217 code: three upper-case letters, e.g. "USD".</param>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is not three upper-case ASCII letters.</exception>
    public Money(decimal amount, string currency)
    {
        Preconditions.CheckArgument(
            currency is [var a, var b, var c] && char.IsAsciiLetterUpper(a) && char.IsAsciiLetterUpper(b) && char.IsAsciiLetterUpper(c),
            nameof(currency), "Currency should be an ISO 4217 code of three upper-case letters, e.g. USD");
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount.</summary>
    public decimal Amount { get; }

    /// <summary>The ISO 4217 currency code; null only for <c>default</c>.</summary>
    public string Currency { get; }

    /// <summary>US dollars.</summary>
    public static Money Usd(decimal amount) => new(amount, "USD");

    /// <summary>Zero in <paramref name="currency"/>.</summary>
    public static Money Zero(string currency) => new(0m, currency);

    /// <summary>The sum.</summary>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public Money Plus(Money other) => new(Amount + other.Amount, SameCurrency(other));

    /// <summary>The difference.</summary>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public Money Minus(Money other) => new(Amount - other.Amount, SameCurrency(other));

    /// <summary>This amount times <paramref name="factor"/>, every digit kept (no rounding).</summary>
    public Money Times(decimal factor) => new(Amount * factor, CheckCurrency());

    /// <summary>This amount rounded under <paramref name="rounding"/>.</summary>
    public Money Round(MoneyRounding rounding) => new(Preconditions.CheckNotNull(rounding).Round(Amount), CheckCurrency());

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        SameCurrency(other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>"$1,000,000.00" for dollars, "1,000.50 EUR" otherwise: the digits as stored, at least two decimals.</summary>
    public override string ToString() => ToString(null, null);

    /// <inheritdoc cref="ToString()"/>
    /// <remarks>The format and provider are ignored: an amount is always written the one way a lawyer checks it.</remarks>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        // Any decimal fits: 29 digits, 9 separators and a point, a sign, "$" or " " and a code.
        Span<char> buffer = stackalloc char[64];
        TryFormat(buffer, out var written, default, null);
        return new string(buffer[..written]);
    }

    /// <summary>Writes <see cref="ToString()"/> into <paramref name="destination"/>, so interpolation needs no string.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        var dollars = Currency == "USD";
        var at = 0;
        if (Amount < 0 && !Append(destination, ref at, "-"))
        {
            return false;
        }

        if (dollars && !Append(destination, ref at, "$"))
        {
            return false;
        }

        if (!Math.Abs(Amount).TryFormat(destination[at..], out var digits, Format, CultureInfo.InvariantCulture))
        {
            return false;
        }

        at += digits;
        if (!dollars && Currency is not null && !(Append(destination, ref at, " ") && Append(destination, ref at, Currency)))
        {
            return false;
        }

        charsWritten = at;
        return true;
    }

    private string Format => NumberFormats[Math.Max(2, (int)Amount.Scale)];

    private static bool Append(Span<char> destination, ref int at, ReadOnlySpan<char> text)
    {
        if (!text.TryCopyTo(destination[at..]))
        {
            return false;
        }

        at += text.Length;
        return true;
    }

    private string CheckCurrency() =>
        Currency ?? throw new InvalidOperationException("default(Money) has no currency");

    private string SameCurrency(Money other) =>
        CheckCurrency() == other.CheckCurrency()
            ? Currency
            : throw new ArgumentException($"Cannot combine {Currency} with {other.Currency}", nameof(other));
}
