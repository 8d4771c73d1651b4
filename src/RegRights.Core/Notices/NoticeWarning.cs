namespace RegRights.Core.Notices;

/// <summary>What a <see cref="NoticeWarning"/> is about.</summary>
public enum NoticeWarningKind
{
    /// <summary>The claimed sending time is later than the recorded receipt.</summary>
    SentAfterReceipt,

    /// <summary>The claimed sending time is earlier than the recorded receipt by more than the stamper's threshold.</summary>
    SentFarBeforeReceipt,

    /// <summary>The claimed sending time lies after the moment the system recorded the notice.</summary>
    SentInFuture,

    /// <summary>The claimed receipt time lies after the moment the system recorded the notice.</summary>
    ReceivedInFuture,

    /// <summary>The claimed sending time is earlier than the moment the system recorded it by more than the threshold.</summary>
    SentFarBeforeRecording,

    /// <summary>
    /// A delivery effective upon actual receipt, § 6(h)(iv), has no receipt recorded; had it been received earlier,
    /// the notice would be effective earlier.
    /// </summary>
    ReceiptUnknown,

    /// <summary>Reading a contested day (Good Friday afternoon, an executive-order closure) the other way changes the stamp.</summary>
    ContestedDay,
}

/// <summary>Something about a notice's deliveries that a lawyer should look at; it never changes the stamp.</summary>
/// <param name="Kind">What the warning is about.</param>
/// <param name="Delivery">The index of the delivery concerned, or null when it concerns the notice as a whole.</param>
/// <param name="Message">The warning in words, with the times concerned.</param>
public sealed record NoticeWarning(NoticeWarningKind Kind, int? Delivery, string Message);
