namespace RegRights.Application.Notices;

/// <summary>How the notice intake reads agreements' terms (configuration section <c>Notices</c>).</summary>
public sealed class NoticeIntakeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Notices";

    /// <summary>The longest <see cref="TermsCacheDuration"/> allowed.</summary>
    public static readonly TimeSpan MaxTermsCacheDuration = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long an instance stamps notices under an agreement's terms as it last read them (default 5 seconds; zero reads
    /// the agreement for every notice). A change made through this instance is seen at once; one made through another
    /// instance, within this time. Each notice records the time of the record it was stamped under (<c>termsAsOf</c>).
    /// </summary>
    public TimeSpan TermsCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many agreements' terms an instance keeps at most (default 10,000).</summary>
    public int TermsCacheSize { get; set; } = 10_000;
}
