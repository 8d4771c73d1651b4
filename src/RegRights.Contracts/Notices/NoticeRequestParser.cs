using System.Globalization;
using NodaTime;
using NodaTime.Text;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;

namespace RegRights.Contracts.Notices;

/// <summary>
/// Turns a <see cref="StampNoticeRequest"/> into the deliveries the <see cref="NoticeStamper"/> takes, strictly:
/// every time needs its UTC offset (or <c>Z</c>), every method must be one § 6(h) stamping knows, and each error names
/// its field by JSON path. Returns a <see cref="RequestResult{T}"/>; never throws on bad input.
/// </summary>
public static class NoticeRequestParser
{
    /// <summary>The most deliveries one notice may list.</summary>
    public const int MaxDeliveries = 20;

    /// <summary>The longest fax or tracking number recorded.</summary>
    public const int MaxReferenceLength = 100;

    // ExtendedIso is "uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>": the offset (or Z) is part of the pattern, so a
    // time without one fails to parse instead of being read in some default zone.
    private static readonly OffsetDateTimePattern TimePattern = OffsetDateTimePattern.ExtendedIso;

    private static readonly IReadOnlyDictionary<string, DeliveryMethod> Methods = new Dictionary<string, DeliveryMethod>(StringComparer.Ordinal)
    {
        ["facsimile"] = DeliveryMethod.Facsimile,
        ["courier"] = DeliveryMethod.Courier,
        ["email"] = DeliveryMethod.Email,
        ["mail"] = DeliveryMethod.Mail,
        ["hand"] = DeliveryMethod.Hand,
    };

    private static readonly string MethodList = string.Join(", ", Methods.Keys);

    /// <summary>Checks <paramref name="request"/> and returns its deliveries, or every field error found.</summary>
    /// <param name="request">The request as deserialized; null is an error, not an exception.</param>
    /// <param name="terms">The agreement's terms, for the zone (its notice clause's) in which the supported date range is checked.</param>
    /// <returns>The deliveries in request order, or the errors keyed by JSON path (<c>deliveries[0].sentAt</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> is null.</exception>
    public static RequestResult<IReadOnlyList<Delivery>> Parse(StampNoticeRequest? request, AgreementTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var items = request?.Deliveries;
        if (items is null || items.Count == 0)
        {
            errors["deliveries"] = ["At least one delivery is required."];
            return RequestResult.ForErrors<IReadOnlyList<Delivery>>(errors);
        }

        if (items.Count > MaxDeliveries)
        {
            errors["deliveries"] = [Invariant($"At most {MaxDeliveries} deliveries per notice; {items.Count} were given.")];
            return RequestResult.ForErrors<IReadOnlyList<Delivery>>(errors);
        }

        var deliveries = new List<Delivery>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = Invariant($"deliveries[{i}]");
            if (items[i] is not { } item)
            {
                errors[path] = ["A delivery is required."];
                continue;
            }

            var method = ParseMethod(item.Method, $"{path}.method", errors);
            var sentAt = ParseTime(item.SentAt, $"{path}.sentAt", required: true, terms.NoticeTimeZone, errors);
            var receivedAt = ParseTime(item.ReceivedAt, $"{path}.receivedAt", required: false, terms.NoticeTimeZone, errors);
            var faxNumber = ParseReference(item.FaxNumber, $"{path}.faxNumber", errors);
            var trackingNumber = ParseReference(item.TrackingNumber, $"{path}.trackingNumber", errors);
            if (method is { } m && sentAt is { } sent)
            {
                deliveries.Add(new Delivery(m, sent) { ReceivedAt = receivedAt, FaxNumber = faxNumber, TrackingNumber = trackingNumber });
            }
        }

        return errors.Count == 0
            ? RequestResult.ForValue<IReadOnlyList<Delivery>>(deliveries)
            : RequestResult.ForErrors<IReadOnlyList<Delivery>>(errors);
    }

    private static DeliveryMethod? ParseMethod(string? text, string path, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[path] = [$"Required: one of {MethodList}."];
            return null;
        }

        if (Methods.TryGetValue(text, out var method))
        {
            return method;
        }

        errors[path] = [$"'{text}' is not a delivery method; use one of {MethodList}."];
        return null;
    }

    private static OffsetDateTime? ParseTime(string? text, string path, bool required, DateTimeZone zone, Dictionary<string, string[]> errors)
    {
        const string Example = "e.g. 2000-05-26T15:05:00-07:00 or 2000-05-26T22:05:00Z";
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors[path] = [$"Required: an ISO-8601 date and time with its UTC offset, {Example}."];
            }

            return null;
        }

        if (HasControlCharacter(text, path, errors))
        {
            return null;
        }

        var result = TimePattern.Parse(text);
        if (!result.Success)
        {
            errors[path] = [LocalDateTimePattern.ExtendedIso.Parse(text).Success
                ? $"'{text}' has no UTC offset; a notice is never stamped in a guessed zone. Add the offset or Z, {Example}."
                : $"'{text}' is not an ISO-8601 date and time with a UTC offset, {Example}."];
            return null;
        }

        var date = result.Value.ToInstant().InZone(zone).Date;
        if (date < NoticeStamper.MinDate || date > NoticeStamper.MaxDate)
        {
            errors[path] = [Invariant(
                $"'{text}' falls on {date:uuuu-MM-dd} in {ZoneNames.For(zone)}, outside the supported range {NoticeStamper.MinDate:uuuu-MM-dd} to {NoticeStamper.MaxDate:uuuu-MM-dd}.")];
            return null;
        }

        return result.Value;
    }

    // NodaTime's parser stops at a NUL ("2000-05-26T15:05:00-07:00\u0000…" reads as the time before it), and CR or LF in a
    // number would split the line a reminder or a log shows it on.
    private static bool HasControlCharacter(string text, string path, Dictionary<string, string[]> errors)
    {
        if (!text.Any(char.IsControl))
        {
            return false;
        }

        errors[path] = ["Control characters (NUL, CR, LF, tab and the like) are not allowed; give the value on one line, as written."];
        return true;
    }

    private static string? ParseReference(string? text, string path, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (HasControlCharacter(text, path, errors))
        {
            return null;
        }

        if (text.Length > MaxReferenceLength)
        {
            errors[path] = [Invariant($"At most {MaxReferenceLength} characters; {text.Length} were given.")];
            return null;
        }

        return text;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
