using RegRights.Core.Agreements;

namespace RegRights.Application.Intake;

/// <summary>
/// The port an inbound fax finds its agreement through, by the number it was sent to: which agreements name a fax
/// number among their notice fax numbers (<see cref="AgreementTerms.NoticeFaxNumbers"/>). Several agreements may name
/// one number (one company's fax under two deals): all are returned. <c>RegRights.Infrastructure</c> implements it
/// over the agreements' Table Storage rows.
/// </summary>
public abstract class FaxNumberDirectory
{
    /// <summary>The ids of the agreements whose notice fax numbers include <paramref name="number"/>; empty when none does.</summary>
    public abstract Task<IReadOnlyList<string>> FindAsync(string number, CancellationToken cancellationToken = default);
}
