namespace RegRights.Infrastructure.Email.Acs;

/// <summary>The status of an ACS send operation, as <c>emails:send</c> and <c>emails/operations/{id}</c> return it.</summary>
/// <param name="Id">The operation id (the <c>Operation-Id</c> the client sent).</param>
/// <param name="Status">One of <see cref="AcsEmailSendStatus"/>'s values, or a newer one this client does not know.</param>
/// <param name="ErrorCode">The service's error code when the operation failed, e.g. "EmailDropped".</param>
/// <param name="ErrorMessage">The service's error message when the operation failed.</param>
public sealed record AcsEmailSendResult(string Id, string Status, string? ErrorCode = null, string? ErrorMessage = null)
{
    /// <summary>Whether the operation has finished (Succeeded, Failed or Canceled); nothing more will change.</summary>
    public bool IsTerminal =>
        Status is AcsEmailSendStatus.Succeeded or AcsEmailSendStatus.Failed or AcsEmailSendStatus.Canceled;
}

/// <summary>The operation statuses of the ACS Email API (2023-03-31).</summary>
public static class AcsEmailSendStatus
{
    /// <summary>Queued, not yet started.</summary>
    public const string NotStarted = "NotStarted";

    /// <summary>Being processed.</summary>
    public const string Running = "Running";

    /// <summary>Handed on for delivery.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>Refused or dropped; the error says why.</summary>
    public const string Failed = "Failed";

    /// <summary>Canceled by the service.</summary>
    public const string Canceled = "Canceled";
}
