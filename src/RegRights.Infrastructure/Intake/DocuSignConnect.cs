using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using RegRights.Application.Intake;
using RegRights.Core.Notices;

namespace RegRights.Infrastructure.Intake;

/// <summary>
/// DocuSign Connect (JSON SIM messages): an envelope sent to the party to whom a notice is given, stamped under
/// § 6(h)(iv), actual receipt; verified by Connect's HMAC signatures.
/// </summary>
/// <remarks>
/// <para>
/// Verification: each active HMAC key of the Connect configuration signs the raw body, and the request carries one
/// <c>X-DocuSign-Signature-1</c> … <c>-N</c> per key, each <c>Base64(HMAC-SHA256(key, body))</c>, the key being the
/// key's text as DocuSign shows it. The webhook is accepted when any of them matches any configured key, compared in
/// constant time, so a rotation is a second key configured beside the first until DocuSign drops the old one.
/// Connect sends no timestamp to bound a replay; replays are caught by the event's identity instead.
/// </para>
/// <para>
/// The event's identity is the envelope, the event and the recipient (<c>{envelopeId}|{event}|{recipientId}</c>): an
/// envelope reaches each status once, and a retry (<c>retryCount</c> grows) is the same event.
/// </para>
/// <para>
/// Which event is "actual receipt" is a reading, flagged as a gap on every stamp. Chosen: the recipient opened the
/// envelope (DocuSign's <c>delivered</c>, the earliest signer's <c>deliveredDateTime</c>): DocuSign records it as the
/// recipient's viewing, the nearest proof of receipt the envelope gives. The other reading, stamped beside it: the
/// envelope reached the recipient's inbox when DocuSign sent it (<c>sentDateTime</c>), as an e-mail is received when it
/// arrives. An envelope not yet opened is stamped with no receipt (no effective date) and the other reading's date.
/// The envelope is matched by its id to a notice registered with it, else to the agreement its text custom field
/// <c>agreementId</c> names.
/// </para>
/// </remarks>
public sealed class DocuSignConnect : JsonIntakeProvider
{
    /// <summary>The prefix of the signature headers, numbered from 1.</summary>
    public const string SignatureHeaderPrefix = "X-DocuSign-Signature-";

    /// <summary>The envelope custom field that names the agreement.</summary>
    public const string AgreementField = "agreementId";

    /// <summary>The gap every e-signature stamp carries.</summary>
    public const string ReceiptGap = "which envelope event is actual receipt (§ 6(h)(iv))";

    private const int MaxSignatures = 100;

    private static readonly HashSet<string> Reporting = new(StringComparer.Ordinal)
    {
        "envelope-sent", "envelope-delivered", "envelope-completed", "envelope-declined",
        "recipient-sent", "recipient-delivered", "recipient-completed", "recipient-declined",
    };

    /// <inheritdoc/>
    public override string Name => "docusign";

    /// <inheritdoc/>
    public override IReadOnlyList<string> KeptHeaders { get; } =
        ["x-authorization-digest", .. Enumerable.Range(1, 10).Select(i => (SignatureHeaderPrefix + i.ToString(CultureInfo.InvariantCulture)).ToLowerInvariant())];

    /// <inheritdoc/>
    protected override string KeyMaterial => "DocuSign HMAC key list";

    /// <inheritdoc/>
    protected override string? KeyProblem(IntakeSourceOptions source) =>
        UnusableSecret(source.HmacKeys, "HmacKeys") ?? (Keys(source.HmacKeys!.Trim()).Count == 0 ? "HmacKeys holds no key" : null);

    /// <inheritdoc/>
    protected override IntakeVerification VerifyWithKey(IntakeSourceOptions source, IntakeRequest request, Instant now, Duration tolerance)
    {
        var presented = new List<string>();
        for (var i = 1; i <= MaxSignatures && request.Header(SignatureHeaderPrefix + i.ToString(CultureInfo.InvariantCulture)) is { } signature; i++)
        {
            presented.Add(signature);
        }

        if (presented.Count == 0)
        {
            return IntakeVerification.Refused($"{SignatureHeaderPrefix}1 is required (Connect's HMAC signature).");
        }

        var body = request.Body.Span;
        foreach (var key in Keys(source.HmacKeys!))
        {
            foreach (var signature in presented)
            {
                if (HmacMatches(key, body, signature))
                {
                    return IntakeVerification.Verified;
                }
            }
        }

        return IntakeVerification.Refused($"No {SignatureHeaderPrefix}N matches the body under any of this source's HMAC keys.");
    }

    /// <inheritdoc/>
    protected override ProviderEvent? Read(JsonElement root, out string? problem)
    {
        problem = null;
        var type = Text(root, "event");
        if (type is null || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object || Text(data, "envelopeId") is not { } envelopeId)
        {
            problem = "event and data.envelopeId are required: not a Connect JSON SIM message.";
            return null;
        }

        var recipientId = Text(data, "recipientId");
        var summary = data.TryGetProperty("envelopeSummary", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var hasSummary = summary.ValueKind == JsonValueKind.Object;
        var subject = hasSummary ? Text(summary, "emailSubject") : null;
        var sender = hasSummary && summary.TryGetProperty("sender", out var who) && who.ValueKind == JsonValueKind.Object ? Text(who, "userName") : null;
        var signers = hasSummary && summary.TryGetProperty("recipients", out var r) && r.ValueKind == JsonValueKind.Object &&
            r.TryGetProperty("signers", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)]
            : new List<JsonElement>();
        var recipients = signers.Select(e => Text(e, "name")).OfType<string>().ToList();
        var agreementId = hasSummary ? CustomField(summary, AgreementField) : null;
        var route = new IntakeRoute.Envelope(envelopeId, agreementId, sender, recipients.Count == 0 ? null : string.Join("; ", recipients), subject);
        var eventId = $"{envelopeId}|{type}|{recipientId}";
        var words = $"DocuSign Connect {type} for envelope {envelopeId}{(subject is null ? "" : $" (\"{subject}\")")}.";
        if (!Reporting.Contains(type) || !hasSummary)
        {
            // envelope-voided, envelope-created and the like report no delivery; they are kept and matched all the same.
            return new ProviderEvent(eventId, type, route, null, words);
        }

        if (Moment(summary, "sentDateTime", out problem) is not { } sent)
        {
            return problem is null ? new ProviderEvent(eventId, type, route, null, words) : null;
        }

        // The earliest signer's viewing, else the envelope's.
        OffsetDateTime? opened = null;
        string? openedField = null;
        for (var i = 0; i < signers.Count; i++)
        {
            if (Moment(signers[i], "deliveredDateTime", out problem) is { } at && (opened is null || at.ToInstant() < opened.Value.ToInstant()))
            {
                (opened, openedField) = (at, string.Create(CultureInfo.InvariantCulture, $"data.envelopeSummary.recipients.signers[{i}].deliveredDateTime"));
            }
            else if (problem is not null)
            {
                return null;
            }
        }

        if (opened is null && Moment(summary, "deliveredDateTime", out problem) is { } envelopeOpened)
        {
            (opened, openedField) = (envelopeOpened, "data.envelopeSummary.deliveredDateTime");
        }
        else if (problem is not null)
        {
            return null;
        }

        var reading = new ReportedReading(ReceiptGap, sent, "data.envelopeSummary.sentDateTime",
            "§ 6(h)(iv) makes a notice sent other than by fax or courier effective upon actual receipt. Stamped: receipt when the recipient opened " +
            "the envelope (DocuSign's delivered status, deliveredDateTime), the viewing DocuSign records. Other reading: receipt when DocuSign sent it " +
            "to the recipient's inbox (sentDateTime), as an e-mail is received when it arrives.");
        var delivery = new ReportedDelivery(DeliveryMethod.Email, envelopeId, sent, "data.envelopeSummary.sentDateTime", opened, openedField, null, null, reading);
        return new ProviderEvent(eventId, type, route, delivery, words);
    }

    // Keys as DocuSign shows them, comma- or whitespace-separated; the key is the text's UTF-8 bytes, as Connect uses it.
    private static List<byte[]> Keys(string text) =>
        [.. text.Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(k => Encoding.UTF8.GetBytes(k))];

    private static string? CustomField(JsonElement summary, string name)
    {
        if (!summary.TryGetProperty("customFields", out var fields) || fields.ValueKind != JsonValueKind.Object ||
            !fields.TryGetProperty("textCustomFields", out var text) || text.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return text.EnumerateArray()
            .Where(f => f.ValueKind == JsonValueKind.Object && string.Equals(Text(f, "name"), name, StringComparison.OrdinalIgnoreCase))
            .Select(f => Text(f, "value")?.Trim().ToLowerInvariant())
            .FirstOrDefault(v => v is not null);
    }

    private static OffsetDateTime? Moment(JsonElement element, string name, out string? problem)
    {
        problem = null;
        if (Text(element, name) is not { } text)
        {
            return null;
        }

        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (!parsed.Success)
        {
            problem = $"{name} '{text}' is not an ISO-8601 time with its offset.";
            return null;
        }

        return parsed.Value;
    }

}
