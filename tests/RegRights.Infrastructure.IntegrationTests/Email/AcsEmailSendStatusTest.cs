using RegRights.Infrastructure.Email.Acs;

namespace RegRights.Infrastructure.IntegrationTests.Email;

public class AcsEmailSendStatusTest
{
    [Theory]
    [InlineData("Succeeded", true)]
    [InlineData("succeeded", true)]
    [InlineData("Failed", true)]
    [InlineData("Canceled", true)]
    [InlineData("Running", false)]
    [InlineData("NotStarted", false)]
    [InlineData("Queued", false)]
    public void IsTerminal_KnownValuesIgnoringCase_UnknownOnesNot(string wire, bool terminal)
    {
        Assert.Equal(terminal, new AcsEmailSendResult("op", new AcsEmailSendStatus(wire)).IsTerminal);
    }

    [Fact]
    public void AnUnknownValue_IsKeptAsSent()
    {
        AcsEmailSendStatus status = "Quarantined";

        Assert.Equal("Quarantined", status.ToString());
        Assert.NotEqual(AcsEmailSendStatus.Failed, status);
        Assert.Equal(new AcsEmailSendStatus("QUARANTINED"), status);
        Assert.Equal(new AcsEmailSendStatus("QUARANTINED").GetHashCode(), status.GetHashCode());
    }

    [Fact]
    public void Null_IsRefused()
    {
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => new AcsEmailSendStatus(null!)).ParamName);
    }
}
