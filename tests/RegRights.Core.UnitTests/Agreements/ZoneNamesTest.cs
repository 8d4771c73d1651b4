using NodaTime;
using RegRights.Core.Agreements;

namespace RegRights.Core.UnitTests.Agreements;

public class ZoneNamesTest
{
    [Theory]
    [InlineData("America/Los_Angeles", "California time")] // the seed agreement's § 6(h) words
    [InlineData("America/New_York", "New York time")] // the place of the id, underscore as a space
    [InlineData("America/Argentina/Buenos_Aires", "Buenos Aires time")] // the last part of a three-part id
    [InlineData("Europe/London", "London time")]
    [InlineData("UTC", "UTC time")] // no place: the id itself
    public void For_NamesThePlaceOfTheZone(string id, string expected)
    {
        // Arrange
        var zone = DateTimeZoneProviders.Tzdb[id];

        // Act
        var name = ZoneNames.For(zone);

        // Assert
        Assert.Equal(expected, name);
    }

    [Fact]
    public void ZoneName_FollowsTheTermsZone()
    {
        // Arrange
        var terms = AgreementTerms.NeoTherapeutics2000 with { TimeZone = DateTimeZoneProviders.Tzdb["America/Chicago"] };

        // Act, Assert
        Assert.Equal("California time", AgreementTerms.NeoTherapeutics2000.ZoneName);
        Assert.Equal("Chicago time", terms.ZoneName);
    }
}
