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

    /// <summary>Refuses to measure stamps that are not the worked examples.</summary>
    [GlobalSetup]
    public void CheckStamps()
    {
        var plain = NoticeStamper.Default.Stamp(terms, faxAt305pm, recordedAt);
        var gap = NoticeStamper.Default.Stamp(terms, faxAt2pmExactly, recordedAt);
        if (plain.EffectiveDate != new LocalDate(2000, 5, 30) || plain.Rule != NoticeRule.FacsimileAfterCutoff
            || !gap.Gap || gap.Alternative?.EffectiveDate != new LocalDate(2000, 5, 30))
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
}
