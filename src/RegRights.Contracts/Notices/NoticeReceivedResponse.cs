namespace RegRights.Contracts.Notices;

/// <summary>
/// The answer to <c>POST /api/notices</c>: the notice's id (the same one its <c>Location</c> names), the agreement it
/// was given under, and its § 6(h) stamp. A replay of the same webhook answers the same document.
/// </summary>
/// <remarks>
/// The stamp is nested, not flattened, so that <see cref="NoticeStampResponse"/> stays the one document
/// <c>regrights stamp --json</c> prints (the CLI records nothing and has no id to give), and a strict reader of either
/// document never meets a member it does not know.
/// </remarks>
/// <param name="Id">The notice id, <c>{agreementId}-{hash}</c>: <c>GET /api/notices/{id}</c> reads it.</param>
/// <param name="AgreementId">The agreement the notice was given under.</param>
/// <param name="Stamp">The § 6(h) stamp.</param>
public sealed record NoticeReceivedResponse(string Id, string AgreementId, NoticeStampResponse Stamp);
