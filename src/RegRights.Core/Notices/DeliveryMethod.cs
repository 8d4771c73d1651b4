namespace RegRights.Core.Notices;

/// <summary>How one copy of a notice was sent (§ 6(h)).</summary>
/// <remarks>
/// The agreement's notice clause gives each method its rule (<see cref="NoticeClause.Rules"/>). In the seed's § 6(h)
/// only <see cref="Facsimile"/> and <see cref="Courier"/> have rules of their own, § 6(h)(i)-(iii); every other
/// method, e-mail included, is effective "upon actual receipt" under § 6(h)(iv). A modern clause has one for
/// <see cref="Email"/> (before 5:30 p.m. on a Trading Day) and for <see cref="Hand"/>.
/// </remarks>
public enum DeliveryMethod
{
    /// <summary>Facsimile transmission: § 6(h)(i) before the cut-off on a Business Day, § 6(h)(ii) after it.</summary>
    Facsimile,

    /// <summary>A nationally recognized overnight courier service: § 6(h)(iii).</summary>
    Courier,

    /// <summary>E-mail, which § 6(h) does not list: § 6(h)(iv), actual receipt.</summary>
    Email,

    /// <summary>Post other than overnight courier: § 6(h)(iv), actual receipt.</summary>
    Mail,

    /// <summary>Delivery by hand: § 6(h)(iv), actual receipt.</summary>
    Hand,
}
