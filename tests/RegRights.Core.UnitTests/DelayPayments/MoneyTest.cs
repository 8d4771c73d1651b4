using RegRights.Core.DelayPayments;

namespace RegRights.Core.UnitTests.DelayPayments;

public class MoneyTest
{
    [Fact]
    public void Plus_OtherCurrency_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Money.Usd(1m).Plus(new Money(1m, "EUR")));
        Assert.Equal("other", ex.ParamName);
    }

    [Theory]
    [InlineData("usd")] // lower case
    [InlineData("US")] // two letters
    [InlineData("")]
    public void Constructor_NotAnIsoCode_Throws(string currency)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Money(1m, currency));
        Assert.Equal("currency", ex.ParamName);
    }

    [Fact]
    public void Default_HasNoCurrency_ArithmeticThrows() =>
        Assert.Throws<InvalidOperationException>(() => default(Money).Times(2m));

    [Theory]
    [InlineData(5666.665, 5666.67, 5666.66)] // a half cent: away from zero goes up, half-even to the even cent
    [InlineData(5666.675, 5666.68, 5666.68)]
    [InlineData(-0.005, -0.01, 0)] // away from zero, not up
    public void Round_TheTwoRules(decimal value, decimal awayFromZero, decimal halfEven)
    {
        Assert.Equal(Money.Usd(awayFromZero), Money.Usd(value).Round(MoneyRounding.CentHalfAwayFromZero));
        Assert.Equal(Money.Usd(halfEven), Money.Usd(value).Round(MoneyRounding.CentHalfEven));
    }

    [Fact]
    public void ToString_DollarsAndOthers()
    {
        Assert.Equal("$1,000,000.00", Money.Usd(1_000_000m).ToString());
        Assert.Equal("-$5.50", Money.Usd(-5.5m).ToString());
        Assert.Equal("1,000.125 EUR", new Money(1_000.125m, "EUR").ToString());
        Assert.Equal("-$79,228,162,514,264,337,593,543,950,335.00", Money.Usd(decimal.MinValue).ToString());
        Assert.Equal("0.3333333333333333333333333333 EUR", new Money(1m / 3m, "EUR").ToString());
        Assert.Equal("due: $1,000.50", $"due: {Money.Usd(1_000.5m)}");
    }

    [Fact]
    public void Times_KeepsEveryDigit() =>
        Assert.Equal(30.015m, Money.Usd(10.005m).Times(3m).Amount);
}
