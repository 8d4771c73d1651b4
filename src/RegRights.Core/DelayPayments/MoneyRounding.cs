namespace RegRights.Core.DelayPayments;

/// <summary>How an amount is rounded: to how many decimals, and which way a half goes. A term of the agreement.</summary>
/// <remarks>
/// The default, <see cref="CentHalfAwayFromZero"/>, is how a payment is written by hand: $5,666.665 becomes
/// $5,666.67. <see cref="CentHalfEven"/> (banker's rounding) makes it $5,666.66.
/// </remarks>
public sealed class MoneyRounding
{
    private MoneyRounding(string name, int decimals, MidpointRounding midpoint)
    {
        Name = name;
        Decimals = decimals;
        Midpoint = midpoint;
    }

    /// <summary>To the cent, a half cent away from zero: the default.</summary>
    public static MoneyRounding CentHalfAwayFromZero { get; } =
        new("to the cent, half a cent away from zero", 2, MidpointRounding.AwayFromZero);

    /// <summary>To the cent, a half cent to the even cent (banker's rounding).</summary>
    public static MoneyRounding CentHalfEven { get; } = new("to the cent, half a cent to the even cent", 2, MidpointRounding.ToEven);

    /// <summary>The rule in words, e.g. "to the cent, half a cent away from zero".</summary>
    public string Name { get; }

    /// <summary>Decimals kept: 2 for cents.</summary>
    public int Decimals { get; }

    /// <summary>Where a value exactly half-way goes.</summary>
    public MidpointRounding Midpoint { get; }

    /// <summary>The most one rounding moves an amount: half a unit of the last decimal kept ($0.005).</summary>
    public decimal MaxError => 0.5m / Pow10(Decimals);

    /// <summary><paramref name="value"/> rounded under this rule.</summary>
    public decimal Round(decimal value) => Math.Round(value, Decimals, Midpoint);

    /// <inheritdoc />
    public override string ToString() => Name;

    private static decimal Pow10(int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
