using NodaTime;
using RegRights.Core.DelayPayments;

namespace RegRights.Contracts.Agreements;

/// <summary>
/// An agreement as a client sends it (<c>POST</c>/<c>PUT /api/agreements</c>): its name, the terms it fixes, its
/// parties and the people notices go to. Events (the closing, filings, comment letters) are posted separately.
/// </summary>
public sealed record AgreementDocument
{
    /// <summary>What the parties call it, e.g. "Registration Rights Agreement dated April 28, 2000".</summary>
    public string? Name { get; init; }

    /// <summary>The terms; omitted means the seed agreement's (<c>AgreementTerms.NeoTherapeutics2000</c>).</summary>
    public TermsDocument? Terms { get; init; }

    /// <summary>The Company and the Purchasers (Holders).</summary>
    public IReadOnlyList<PartyDocument>? Parties { get; init; }

    /// <summary>Who receives notices and reminders, by role (§ 6(h) addresses, Special Counsel).</summary>
    public IReadOnlyList<ContactDocument>? Contacts { get; init; }

    /// <summary>
    /// Whether deadlines whose last permitted day was already past when the agreement was registered (a deal of 2000
    /// loaded in 2026) are reminded too. Unset or false (the default): they are shown on the deadlines document and
    /// in the calendar feed, and no reminder is sent for them. True: each gets its overdue reminders, the first on the
    /// first Business Day on or after the day the agreement was registered, then weekly, as many as
    /// <c>Reminders:MaxOverdueReminders</c> allows.
    /// </summary>
    public bool? RemindDeadlinesBeforeRegistration { get; init; }

    /// <summary>
    /// The template whose terms fill those the document leaves out when the agreement is created: <c>neotherapeutics-2000</c>
    /// (the seed's, the default) or <c>modern-pipe</c> (<c>GET /api/templates</c>). Stored agreements keep every term.
    /// </summary>
    public string? Template { get; init; }
}

/// <summary>A party to the agreement.</summary>
public sealed record PartyDocument
{
    /// <summary>The party's name as signed, e.g. "NeoTherapeutics, Inc.".</summary>
    public string? Name { get; init; }

    /// <summary>Company or Holder.</summary>
    public PartyRole? Role { get; init; }

    /// <summary>The notice address (§ 6(h)).</summary>
    public string? Address { get; init; }

    /// <summary>
    /// A Holder's subscription amount at the first (or only) closing, the base of its Registration Delay Payments
    /// (e.g. <c>{"amount":1000000,"currency":"USD"}</c>).
    /// </summary>
    public MoneyDocument? SubscriptionAmount { get; init; }

    /// <summary>A Holder's subscription amounts at later closings, each naming its closing's tranche; a closing's Filing Failure accrues on its own.</summary>
    public IReadOnlyList<TrancheAmountDocument>? TrancheAmounts { get; init; }

    /// <summary>A Holder's subscriptions: the first closing's amount, then each later closing's; none for the Company or a party with none.</summary>
    /// <exception cref="ArgumentException">An amount's currency is not an ISO 4217 code.</exception>
    public IEnumerable<HolderSubscription> ToSubscriptions()
    {
        if (Role != PartyRole.Holder || Name is not { } name)
        {
            yield break;
        }

        if (SubscriptionAmount is { } first)
        {
            yield return new(name, first.ToMoney());
        }

        foreach (var later in TrancheAmounts ?? [])
        {
            if (later is { Tranche: { } tranche, Amount: { } amount })
            {
                yield return new(name, amount.ToMoney()) { Tranche = tranche };
            }
        }
    }
}

/// <summary>A Holder's subscription amount at a later closing.</summary>
public sealed record TrancheAmountDocument
{
    /// <summary>The closing's tranche, as its closing event names it (e.g. "second closing").</summary>
    public string? Tranche { get; init; }

    /// <summary>The amount paid at that closing.</summary>
    public MoneyDocument? Amount { get; init; }
}

/// <summary>Which side a party is on.</summary>
public enum PartyRole
{
    /// <summary>The issuer, which must file and keep effective the Registration Statement.</summary>
    Company,

    /// <summary>A Purchaser, and later any Holder of Registrable Securities.</summary>
    Holder,
}

/// <summary>A person notices and reminders go to.</summary>
public sealed record ContactDocument
{
    /// <summary>The person or firm, e.g. "Latham &amp; Watkins, Attn: Alan W. Pettis, Esq.".</summary>
    public string? Name { get; init; }

    /// <summary>Why they receive notices.</summary>
    public ContactRole? Role { get; init; }

    /// <summary>The party they act for, by name.</summary>
    public string? Represents { get; init; }

    /// <summary>E-mail address for reminders.</summary>
    public string? Email { get; init; }

    /// <summary>The facsimile number given in § 6(h), as written.</summary>
    public string? Facsimile { get; init; }

    /// <summary>Postal address.</summary>
    public string? Address { get; init; }
}

/// <summary>The roles notices and reminders are addressed by.</summary>
public enum ContactRole
{
    /// <summary>The Company's own notice address (§ 6(h), "If to the Company").</summary>
    Company,

    /// <summary>Counsel to the Company (§ 6(h), "With copies to").</summary>
    CompanyCounsel,

    /// <summary>A Holder (§ 6(h), "If to any other Person who is then the registered Holder").</summary>
    Holder,

    /// <summary>Counsel to the Holders (§ 6(h), second "With copies to").</summary>
    HoldersCounsel,

    /// <summary>The one special counsel to the Holders (§ 1, "Special Counsel"; § 3(a) drafts).</summary>
    SpecialCounsel,
}

/// <summary>An agreement as the API returns it: the document, its id and ETag, and bookkeeping.</summary>
public sealed record AgreementView
{
    /// <summary>The agreement's id.</summary>
    public required string Id { get; init; }

    /// <summary>The ETag to send in <c>If-Match</c> with a <c>PUT</c>; it changes with every change, events included.</summary>
    public required string ETag { get; init; }

    /// <summary>The agreement's name.</summary>
    public required string Name { get; init; }

    /// <summary>The template the agreement was created from.</summary>
    public required string Template { get; init; }

    /// <summary>The terms in force.</summary>
    public required TermsDocument Terms { get; init; }

    /// <summary>The parties.</summary>
    public required IReadOnlyList<PartyDocument> Parties { get; init; }

    /// <summary>The contacts.</summary>
    public required IReadOnlyList<ContactDocument> Contacts { get; init; }

    /// <summary>Whether deadlines already past when the agreement was registered are reminded (see the document's member).</summary>
    public required bool RemindDeadlinesBeforeRegistration { get; init; }

    /// <summary>How many events are recorded.</summary>
    public required int EventCount { get; init; }

    /// <summary>When the agreement was created (server time), in its zone with the offset.</summary>
    public required OffsetDateTime CreatedAt { get; init; }

    /// <summary>When it last changed (server time), in its zone with the offset.</summary>
    public required OffsetDateTime UpdatedAt { get; init; }
}

/// <summary>A page of agreements.</summary>
/// <param name="Items">The agreements on this page.</param>
/// <param name="ContinuationToken">Pass as <c>?continuationToken=</c> for the next page; null on the last page.</param>
public sealed record AgreementPage(IReadOnlyList<AgreementView> Items, string? ContinuationToken);
