using NodaTime;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.DelayPayments;
using RegRights.Core.Notices;

namespace RegRights.Infrastructure.UnitTests.Storage;

/// <summary>Agreements whose every stored field has a value, so that a field the stored shape leaves out shows.</summary>
internal static class StoredRowSamples
{
    // The modern PIPE form with a second closing's amounts, a closure, a fax number, a listed gap and a notice rule:
    // every member of the document tree set (StoredAgreementShapeTest checks it). Not a valid agreement (its delay
    // payments are both missing and given): the stored shape keeps what it is given, validity is the use case's.
    public static AgreementDocument EveryField()
    {
        var terms = TermsDocument.From(AgreementTemplates.ModernPipe.Terms);
        return new()
        {
            Name = "Securities Purchase Agreement dated March 3, 2025",
            Template = AgreementTemplates.ModernPipe.Name,
            RemindDeadlinesBeforeRegistration = true,
            Terms = terms with
            {
                Closures = [new ClosureDocument { Date = new LocalDate(2025, 1, 9), Name = "National Day of Mourning", Source = "Executive Order 14138", Effect = DayEffect.Closed }],
                NoticeFaxNumbers = ["+1 (212) 555-0100"],
                CrossReferenceGaps =
                [
                    new CrossReferenceGapDocument
                    {
                        Section = "§ 2(d)", Term = "Liquidated Damages", Cites = "§ 7(k)", Affects = [GapAffects.DelayPayments],
                        Explanation = "The section cited is not in the agreement.", Description = "Rate of the liquidated damages",
                    },
                ],
                DelayPayments = terms.DelayPayments! with
                {
                    Missing = new CrossReferenceGapDocument { Section = "§ 2(d)", Term = "Registration Delay Payments", Cites = "§ 7(k)", Affects = [GapAffects.DelayPayments], Explanation = "e", Description = "d" },
                    LateInterestPercent = 1.5m,
                },
                AdditionalRegistration = terms.AdditionalRegistration! with { None = false },
                Notice = new NoticeClauseDocument
                {
                    Clause = "modern-email", TimeZone = "America/New_York", Calendar = "nyse",
                    Rules =
                    [
                        new NoticeRuleDocument
                        {
                            Method = DeliveryMethod.Email, Kind = NoticeRuleKind.SameDayBeforeCutoff, Section = "§ 6.4(a)", NextDaySection = "§ 6.4(b)",
                            Cutoff = new LocalTime(17, 30), SameDayAtCutoff = false, NextDayAtCutoff = true, LateBound = new LocalTime(23, 59),
                            NextDayOnNonBusinessDay = true, Days = 1,
                        },
                    ],
                },
            },
            Parties =
            [
                new PartyDocument { Name = "Acme Therapeutics, Inc.", Role = PartyRole.Company, Address = "1 Main Street, New York, New York 10001" },
                new PartyDocument
                {
                    Name = "Alpha Fund LP", Role = PartyRole.Holder, Address = "2 Park Avenue, New York, New York 10016",
                    SubscriptionAmount = new MoneyDocument { Amount = 1_000_000.50m, Currency = "USD" },
                    TrancheAmounts = [new TrancheAmountDocument { Tranche = "second", Amount = new MoneyDocument { Amount = 250_000m, Currency = "USD" } }],
                },
            ],
            Contacts =
            [
                new ContactDocument
                {
                    Name = "Jane Roe", Role = ContactRole.HoldersCounsel, Represents = "Alpha Fund LP", Email = "jroe@example.com",
                    Facsimile = "(212) 555-0101", Address = "3 Broad Street, New York, New York 10004",
                },
            ],
        };
    }

    // The sample as the version that wrote the fixtures could hold it: without the members added since.
    public static AgreementDocument EveryFieldOfTheFixtures()
    {
        var document = EveryField();
        return document with { Terms = document.Terms! with { AdditionalRegistration = null } };
    }
}
