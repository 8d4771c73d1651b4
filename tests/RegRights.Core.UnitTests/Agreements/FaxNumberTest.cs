using RegRights.Core.Agreements;

namespace RegRights.Core.UnitTests.Agreements;

public sealed class FaxNumberTest
{
    [Theory]
    // The seed agreement writes its numbers the North American way, without a country code.
    [InlineData("(949) 788-6706", "+19497886706")]
    [InlineData("949.788.6706", "+19497886706")]
    // Telnyx reports E.164.
    [InlineData("+19497886706", "+19497886706")]
    [InlineData("+1 (949) 788-6706", "+19497886706")]
    // Elsewhere the country code is needed.
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void TryNormalize_AFaxNumber_IsItsE164Form(string text, string expected)
    {
        Assert.True(FaxNumber.TryNormalize(text, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("788-6706 x12")]
    [InlineData("12345")]
    [InlineData("+1234567890123456")]
    [InlineData("0949 788 6706 1")]
    [InlineData("fax: (949) 788-6706")]
    public void TryNormalize_NotAFaxNumber_IsFalse(string text) => Assert.False(FaxNumber.TryNormalize(text, out _));

    [Fact]
    public void SameNumber_AsWrittenAndAsReported_IsTrue() => Assert.True(FaxNumber.SameNumber("(714) 755-8290", "+17147558290"));

    [Fact]
    public void NoticeFaxNumbers_Seed_IsEmpty() => Assert.Empty(AgreementTerms.NeoTherapeutics2000.NoticeFaxNumbers);

    [Fact]
    public void NoticeFaxNumbers_NotANumber_ThrowsNamingItsPlace()
    {
        var ex = Assert.Throws<ArgumentException>(() => AgreementTerms.NeoTherapeutics2000 with { NoticeFaxNumbers = ["(949) 788-6706", "call us"] });

        Assert.Equal("noticeFaxNumbers[1]", ex.ParamName);
    }

    [Fact]
    public void NoticeFaxNumbers_SameNumberTwice_ThrowsNamingTheSecond()
    {
        var ex = Assert.Throws<ArgumentException>(() => AgreementTerms.NeoTherapeutics2000 with { NoticeFaxNumbers = ["(949) 788-6706", "+1 949 788 6706"] });

        Assert.Equal("noticeFaxNumbers[1]", ex.ParamName);
    }

    [Fact]
    public void Equals_TermsDifferingOnlyInNoticeFaxNumbers_AreNotEqual() =>
        Assert.NotEqual(AgreementTerms.NeoTherapeutics2000, AgreementTerms.NeoTherapeutics2000 with { NoticeFaxNumbers = ["(949) 788-6706"] });
}
