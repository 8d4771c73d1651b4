namespace RegRights.Core.DelayPayments;

/// <summary>Which results a <see cref="CrossReferenceGap"/> reaches: each carries the gap beside its answer.</summary>
[Flags]
public enum GapAffects
{
    /// <summary>No computed result depends on it; it is listed so that counsel knows of it.</summary>
    None = 0,

    /// <summary>Registration Delay Payments: every failure's result.</summary>
    DelayPayments = 1,

    /// <summary>Suspensions (grace periods): the status and each suspension's last allowed day.</summary>
    Suspensions = 2,

    /// <summary>The § 3(d) notice before a § 3(c) sticker.</summary>
    StickerNotice = 4,

    /// <summary>The § 6(g) piggyback election.</summary>
    PiggybackElection = 8,
}

/// <summary>A section the agreement cites for a term but does not contain, so the term cannot be read as written.</summary>
/// <param name="Section">Where the citation is, e.g. "§ 1".</param>
/// <param name="Term">The term defined by the citation, e.g. "Registration Delay Payments".</param>
/// <param name="Cites">The missing section, e.g. "§ 2(e)".</param>
public sealed record CrossReferenceGap(string Section, string Term, string Cites)
{
    /// <summary>The seed's § 1: "Registration Delay Payments" has "the meaning set forth in Section 2(e)", and § 2 ends at (c).</summary>
    public static CrossReferenceGap NeoTherapeutics2000RegistrationDelayPayments { get; } =
        new("§ 1", "Registration Delay Payments", "§ 2(e)") { Affects = GapAffects.DelayPayments };

    /// <summary>
    /// The sections the seed agreement of April 28, 2000 cites and does not contain, each checked against the exhibit's
    /// text: § 1 "Registration Delay Payments" by § 2(e) (§ 2 ends at (c)); § 1 "Registration Statement" includes "any
    /// additional registration statement contemplated by Section 2(a) and 2(f)" (no § 2(f)); § 5(a) "the Advice
    /// contemplated in Section 6(d)" (§ 6(d) is "Compliance"; § 1 and § 6(e) define the Advice); § 3(d)'s sticker
    /// "required to be filed or attached pursuant to Section 3(c)(ii)" (§ 3(c) has no clauses); § 6(g) "an offering
    /// described in Section 6.2(v) of the Purchase Agreement" (another document, not in the exhibit).
    /// </summary>
    public static IReadOnlyList<CrossReferenceGap> NeoTherapeutics2000 { get; } =
    [
        NeoTherapeutics2000RegistrationDelayPayments,
        new("§ 1", "Registration Statement (an additional registration statement)", "§ 2(f)"),
        new("§ 5(a)", "Advice", "§ 6(d)")
        {
            Affects = GapAffects.Suspensions,
            Explanation = "§ 5(a) refers to \"the Advice contemplated in Section 6(d)\", but § 6(d) is \"Compliance\": § 1 defines \"Advice\" by § 6(e), which is read as meant",
        },
        new("§ 3(d)", "a supplement or sticker required under § 3(c)", "§ 3(c)(ii)")
        {
            Affects = GapAffects.StickerNotice,
            Explanation = "§ 3(d) refers to \"Section 3(c)(ii)\", but § 3(c) has no clause (ii): read as a sticker under § 3(c)",
        },
        new("§ 6(g)", "the Company's offerings that start the piggyback clock", "§ 6.2(v) of the Purchase Agreement")
        {
            Affects = GapAffects.PiggybackElection,
            Explanation = "§ 6(g) refers to \"an offering described in Section 6.2(v) of the Purchase Agreement\", a document the exhibit does not contain: whether an offering starts the clock cannot be checked here",
        },
    ];

    /// <summary>Which results carry this gap.</summary>
    public GapAffects Affects { get; init; }

    /// <summary>The gap in words where the default ("§ 1 refers to § 2(e), which the exhibit does not contain") is not enough; null otherwise.</summary>
    public string? Explanation { get; init; }

    /// <summary>The gap in words.</summary>
    public string Describe() => Explanation ?? $"{Section} refers to {Cites}, which the exhibit does not contain";
}
