using RegRights.Application.Email;
using RegRights.Application.Reminders;
using RegRights.Contracts.Agreements;
using RegRights.Core.Reminders;

namespace RegRights.Infrastructure.IntegrationTests.Email;

/// <summary>Contact addresses are checked by a real parser at the write; a bad stored one never stops the others (issue 12, defect 5).</summary>
public class EmailAddressTest
{
    [Theory]
    [InlineData("apettis@lw.example")]
    [InlineData("alan.w.pettis+rra@lw.example")]
    [InlineData("ops@rcgf.example.co.uk")]
    public void FindProblem_BareAddress_None(string address) => Assert.Null(EmailAddress.FindProblem(address));

    [Theory]
    // The address of issue 12: a display name and a mailbox "script" with no domain.
    [InlineData("not an email <script>")]
    [InlineData("Alan Pettis <apettis@lw.example>")]
    [InlineData("apettis@lw.example, cfo@neot.example")]
    [InlineData("apettis")]
    [InlineData("apettis@")]
    [InlineData("@lw.example")]
    [InlineData("a..b@lw.example")]
    [InlineData("apettis@lw.example.")]
    [InlineData("apettis@lw.example\r\nBcc: all@example.com")]
    public void FindProblem_NotOneBareAddress_Refused(string address) => Assert.NotNull(EmailAddress.FindProblem(address));

    [Fact]
    public void FindProblem_LongerThanAnSmtpPath_Refused()
    {
        var address = new string('a', 64) + "@" + string.Join(".", Enumerable.Repeat(new string('b', 60), 4)) + ".example";

        Assert.StartsWith("At most 254 characters", EmailAddress.FindProblem(address), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_OneStoredBadAddress_TheOthersStillReceive()
    {
        // Arrange: company counsel's address was stored before addresses were checked.
        ContactDocument[] contacts =
        [
            new() { Name = "Bad", Role = ContactRole.CompanyCounsel, Email = "not an email <script>" },
            new() { Name = "Alan W. Pettis", Role = ContactRole.CompanyCounsel, Email = "apettis@lw.example" },
            new() { Name = "Royal Canadian Growth Fund", Role = ContactRole.Holder, Email = "ops@rcgf.example" },
        ];

        // Act
        var (to, cc) = ReminderRecipients.Resolve([RecipientRole.CompanyCounsel, RecipientRole.Holder], contacts);

        // Assert
        Assert.Equal(["apettis@lw.example"], to.Select(r => r.Address));
        Assert.Equal(["ops@rcgf.example"], cc.Select(r => r.Address));
    }
}
