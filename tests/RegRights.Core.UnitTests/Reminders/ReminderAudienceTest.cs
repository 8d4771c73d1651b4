using RegRights.Core.Reminders;

namespace RegRights.Core.UnitTests.Reminders;

public class ReminderAudienceTest
{
    [Theory]
    [InlineData("pre-filing-review")] // § 3(a): "the Holders, their Special Counsel"
    [InlineData("amendment-review")] // § 3(a)
    [InlineData("filing-notice")] // § 3(d): "the Holders ..., their Special Counsel"
    [InlineData("notice-confirmation")] // § 3(d)
    public void For_SectionNamesSpecialCounsel_IncludesIt(string key)
    {
        Assert.Contains(RecipientRole.SpecialCounsel, ReminderAudience.For(key));
    }

    [Theory]
    [InlineData("filing-date", true)]
    [InlineData("sticker-filing", true)]
    [InlineData("sec-comment-response#2", false)] // an instance key resolves to its obligation
    [InlineData("registration-rights-standstill", false)]
    public void For_CompanyCounselAlwaysHoldersWhereConcerned(string key, bool holders)
    {
        var roles = ReminderAudience.For(key);

        Assert.Equal(RecipientRole.CompanyCounsel, roles[0]);
        Assert.Equal(holders, roles.Contains(RecipientRole.Holder));
        Assert.DoesNotContain(RecipientRole.SpecialCounsel, roles);
    }

    [Theory]
    [InlineData("closing-date")] // names no obligation
    [InlineData("filing-date#0")] // no deadline key
    public void For_KeyOfNoObligation_IsCompanyCounselAlone(string key)
    {
        Assert.Equal([RecipientRole.CompanyCounsel], ReminderAudience.For(key));
    }
}
