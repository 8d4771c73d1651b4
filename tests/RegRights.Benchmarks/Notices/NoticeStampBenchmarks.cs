using BenchmarkDotNet.Attributes;
using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;

namespace RegRights.Benchmarks.Notices;

/// <summary>One § 6(h) notice stamp, with its explanation in words and its warnings.</summary>
[MemoryDiagnoser]
public class NoticeStampBenchmarks
{
    private readonly AgreementTerms terms = AgreementTerms.NeoTherapeutics2000;

    private readonly Instant recordedAt = Instant.FromUtc(2000, 5, 26, 22, 6);

    // Friday 2000-05-26, the Business Day before Memorial Day weekend, California time (PDT, -07:00).
    private readonly Delivery[] faxAt305pm = [new(DeliveryMethod.Facsimile, new OffsetDateTime(new LocalDateTime(2000, 5, 26, 15, 5), Offset.FromHours(-7)))];

    private readonly Delivery[] faxAt2pmExactly = [new(DeliveryMethod.Facsimile, new OffsetDateTime(new LocalDateTime(2000, 5, 26, 14, 0), Offset.FromHours(-7)))];

    private readonly AgreementTerms modern = AgreementTerms.NeoTherapeutics2000 with { NoticeClause = NoticeClause.ModernEmail };

    private readonly Instant modernRecordedAt = Instant.FromUtc(2025, 1, 8, 22, 35);

    // Wednesday 2025-01-08 at 5:31 p.m. EST, before the market's closure of Thursday 2025-01-09.
    private readonly Delivery[] emailAt531pm = [new(DeliveryMethod.Email, new OffsetDateTime(new LocalDateTime(2025, 1, 8, 17, 31), Offset.FromHours(-5)))];

    /// <summary>Refuses to measure stamps that are not the worked examples.</summary>
    [GlobalSetup]
    public void CheckStamps()
    {
        var plain = NoticeStamper.Default.Stamp(terms, faxAt305pm, recordedAt);
        var gap = NoticeStamper.Default.Stamp(terms, faxAt2pmExactly, recordedAt);
        var email = NoticeStamper.Default.Stamp(modern, emailAt531pm, modernRecordedAt);
        if (plain.EffectiveDate != new LocalDate(2000, 5, 30) || plain.Rule != NoticeRule.FacsimileAfterCutoff
            || !gap.Gap || gap.Alternative?.EffectiveDate != new LocalDate(2000, 5, 30)
            || email.EffectiveDate != new LocalDate(2025, 1, 10) || email.Section != "Section 6.4(b)")
        {
            throw new InvalidOperationException("The stamps are not the worked examples of § 6(h).");
        }
    }

    /// <summary>§ 6(h)(ii): a fax at 3:05 p.m. on Friday, effective Tuesday 2000-05-30.</summary>
    [Benchmark(Baseline = true)]
    public NoticeStamp FacsimileAfterCutoff() => NoticeStamper.Default.Stamp(terms, faxAt305pm, recordedAt);

    /// <summary>A fax at exactly 2:00:00 p.m.: the gap, with the literal and the other reading.</summary>
    [Benchmark]
    public NoticeStamp FacsimileAtCutoffGap() => NoticeStamper.Default.Stamp(terms, faxAt2pmExactly, recordedAt);

    /// <summary>The modern clause: an e-mail at 5:31 p.m. New York time, Section 6.4(b), the next Trading Day.</summary>
    [Benchmark]
    public NoticeStamp ModernEmailAfterCutoff() => NoticeStamper.Default.Stamp(modern, emailAt531pm, modernRecordedAt);
}
