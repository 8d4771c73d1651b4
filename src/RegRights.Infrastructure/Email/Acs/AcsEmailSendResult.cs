using RegRights.Application.Email;

namespace RegRights.Infrastructure.Email.Acs;

/// <summary>The status of an ACS send operation, as <c>emails:send</c> and <c>emails/operations/{id}</c> return it.</summary>
/// <param name="Id">The operation id (the <c>Operation-Id</c> the client sent).</param>
/// <param name="Status">One of <see cref="AcsEmailSendStatus"/>'s known values, or a newer one this client does not know.</param>
/// <param name="ErrorCode">The service's error code when the operation failed, e.g. "EmailDropped".</param>
/// <param name="ErrorMessage">The service's error message when the operation failed.</param>
public sealed record AcsEmailSendResult(string Id, AcsEmailSendStatus Status, string? ErrorCode = null, string? ErrorMessage = null)
{
    /// <summary>Whether the operation has finished (Succeeded, Failed or Canceled); nothing more will change.</summary>
    public bool IsTerminal =>
        Status == AcsEmailSendStatus.Succeeded || Status == AcsEmailSendStatus.Failed || Status == AcsEmailSendStatus.Canceled;
}

/// <summary>
/// The operation status of the ACS Email API (2023-03-31): an extensible enumeration, as the Azure SDK models a service's
/// string values, so a status the service adds later is kept as sent rather than refused.
/// </summary>
public readonly struct AcsEmailSendStatus : IEquatable<AcsEmailSendStatus>
{
    private readonly string? value;

    /// <summary>Creates a status from the service's value.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public AcsEmailSendStatus(string value) => this.value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Queued, not yet started.</summary>
    public static AcsEmailSendStatus NotStarted { get; } = new("NotStarted");

    /// <summary>Being processed.</summary>
    public static AcsEmailSendStatus Running { get; } = new("Running");

    /// <summary>Handed on for delivery.</summary>
    public static AcsEmailSendStatus Succeeded { get; } = new("Succeeded");

    /// <summary>Refused or dropped; the error says why.</summary>
    public static AcsEmailSendStatus Failed { get; } = new("Failed");

    /// <summary>Canceled by the service.</summary>
    public static AcsEmailSendStatus Canceled { get; } = new("Canceled");

    /// <summary>Whether two statuses are the same value, ignoring case (the service's casing is not a contract).</summary>
    public static bool operator ==(AcsEmailSendStatus left, AcsEmailSendStatus right) => left.Equals(right);

    /// <summary>Whether two statuses differ.</summary>
    public static bool operator !=(AcsEmailSendStatus left, AcsEmailSendStatus right) => !left.Equals(right);

    /// <summary>A status from the service's value.</summary>
    public static implicit operator AcsEmailSendStatus(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(AcsEmailSendStatus other) => string.Equals(value, other.value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AcsEmailSendStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(value);

    /// <summary>The service's value, e.g. "Succeeded".</summary>
    public override string ToString() => value ?? "";
}
