using NodaTime;
using RegRights.Core.Utility;

namespace RegRights.Core.Agreements;

/// <summary>
/// The words a zone's times are named by in stamps, explanations, errors and emails, so a New York agreement's fax
/// reads "13:59:00 -04:00 (EDT), New York time" and never borrows the seed agreement's "California time".
/// </summary>
/// <remarks>
/// America/Los_Angeles is "California time", the words of the seed agreement's notice clause (§ 6(h)). Any other TZDB
/// zone is named by the place its id names, with underscores as spaces: America/New_York is "New York time",
/// America/Argentina/Buenos_Aires "Buenos Aires time". An id without a place (UTC, Etc/GMT+5) is named by itself:
/// "UTC time", "GMT+5 time".
/// </remarks>
public static class ZoneNames
{
    /// <summary>The zone of "California time" in the seed agreement's § 6(h).</summary>
    public const string CaliforniaZoneId = "America/Los_Angeles";

    /// <summary>The words for <paramref name="zone"/>'s times, e.g. "California time", "New York time".</summary>
    /// <param name="zone">The zone.</param>
    /// <returns>The zone's name followed by "time".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static string For(DateTimeZone zone)
    {
        Preconditions.CheckNotNull(zone);
        if (zone.Id == CaliforniaZoneId)
        {
            return "California time";
        }

        var place = zone.Id[(zone.Id.LastIndexOf('/') + 1)..].Replace('_', ' ');
        return $"{place} time";
    }
}
