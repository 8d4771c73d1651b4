using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using RegRights.Contracts.Notices;

namespace RegRights.Contracts.Agreements;

/// <summary>
/// Which members of a stored agreement's document always have a value, and so must be sent whole by a replace
/// (<c>PUT</c>) and may not be removed by a merge patch (<c>PATCH</c>, RFC 7396): the name, the terms with every one
/// of their members, the parties and the contacts. Every other member (a party's address, a contact's e-mail,
/// <c>remindDeadlinesBeforeRegistration</c>) is optional: null, or left out, means none (or false).
/// </summary>
/// <remarks>
/// The terms are required member by member because a member left out of a document is read as the seed agreement's
/// value (<see cref="TermsDocument.ToTerms"/>): a replace that sent only <c>filingDays</c> would otherwise put every
/// other term back to the seed's without a word. The list is read from the terms document's own members, so a term
/// added to it is required on a replace with nothing else to change.
/// </remarks>
public static class AgreementDocumentRules
{
    /// <summary>
    /// The fields a replace leaves out (or sends as null) that the stored document has a value for, keyed by JSON path
    /// (<c>$.terms</c>, <c>$.terms.faxCutoff</c>, <c>$.contacts</c>); empty when <paramref name="document"/> is whole.
    /// </summary>
    /// <param name="document">The document a <c>PUT</c> sent.</param>
    /// <param name="options">The JSON options the document was read with (for the members' JSON names); null for <see cref="RegRightsJson.Options"/>.</param>
    public static Dictionary<string, string[]> MissingForReplace(AgreementDocument document, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= RegRightsJson.Options;
        const string Advice = " A PUT replaces the whole document: send it as GET returns it (less id, eTag, eventCount, createdAt and updatedAt), or PATCH only what changes (application/merge-patch+json).";
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (document.Name is null)
        {
            errors["$.name"] = ["Required." + Advice];
        }

        if (document.Terms is null)
        {
            errors["$.terms"] = ["Required: left out, every term would be reset to the seed agreement's." + Advice];
        }
        else
        {
            foreach (var member in options.GetTypeInfo(typeof(TermsDocument)).Properties)
            {
                // The notice clause is checked against the stored one (MissingNoticeForReplace): left out, it is the seed's.
                if (member.Name == NoticeMember)
                {
                    continue;
                }

                if (member.Get is { } get && get(document.Terms) is null)
                {
                    errors[$"$.terms.{member.Name}"] = ["Required: left out, this term would be reset to the seed agreement's." + Advice];
                }
            }
        }

        if (document.Parties is null)
        {
            errors["$.parties"] = ["Required ([] for none): left out, every party would be removed." + Advice];
        }

        if (document.Contacts is null)
        {
            errors["$.contacts"] = ["Required ([] for none): left out, every contact would be removed." + Advice];
        }

        return errors;
    }

    // The JSON name of TermsDocument.Notice.
    private const string NoticeMember = "notice";

    /// <summary>
    /// The error of a replace that leaves out the terms' notice clause while the stored agreement has one other than
    /// the seed's § 6(h): left out, the clause is the seed's, so the replace would change how every later notice is
    /// stamped without a word. Null when the replace may leave it out (the stored clause is the seed's) or gives it.
    /// </summary>
    /// <param name="document">The document a <c>PUT</c> sent.</param>
    /// <param name="stored">The agreement's terms as stored.</param>
    public static Dictionary<string, string[]>? MissingNoticeForReplace(AgreementDocument document, RegRights.Core.Agreements.AgreementTerms stored)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(stored);
        return document.Terms is { Notice: null } && !stored.NoticeClause.Equals(RegRights.Core.Notices.NoticeClause.NeoTherapeutics2000)
            ? new(StringComparer.Ordinal)
            {
                [$"$.terms.{NoticeMember}"] = [$"Required: this agreement's notice clause is '{stored.NoticeClause.Name}', and left out it would be reset to the seed's § 6(h). Send it as GET returns it, or PATCH only what changes (application/merge-patch+json)."],
            }
            : null;
    }

    /// <summary>Whether the member <paramref name="jsonName"/> of <paramref name="type"/> always has a value in a stored agreement.</summary>
    public static bool IsRequired(Type type, string jsonName)
    {
        ArgumentNullException.ThrowIfNull(type);
        return (type == typeof(AgreementDocument) && jsonName is "name" or "terms" or "parties" or "contacts")
            || type == typeof(TermsDocument)
            || (type == typeof(PartyDocument) && jsonName is "name" or "role")
            || (type == typeof(ContactDocument) && jsonName is "name" or "role")
            || (type == typeof(ClosureDocument) && jsonName is "date" or "name" or "source" or "effect")
            || IsRequiredDealMember(type, jsonName);
    }

    // Deal clauses (issue 13): the members a clause always has once stored.
    private static bool IsRequiredDealMember(Type type, string jsonName)
    {
        return (type == typeof(DeadlineClauseDocument) && jsonName is "unit" or "from" or "inclusive")
            || (type == typeof(SuspensionTermsDocument) && jsonName is "section")
            || (type == typeof(CrossReferenceGapDocument) && jsonName is "section" or "term" or "cites")
            || (type == typeof(MoneyDocument) && jsonName is "amount" or "currency");
    }
}

/// <summary>
/// JSON Merge Patch (RFC 7396) over an agreement's document: <c>PATCH /api/agreements/{id}</c> with
/// <c>application/merge-patch+json</c>. A member of the patch replaces the one stored, an object member is merged
/// member by member (<c>{"terms":{"filingDays":45}}</c> changes that term alone), an array replaces the array, and null
/// removes an optional member.
/// </summary>
/// <remarks>
/// Strict, as every request body is: a member no document declares is refused at its JSON path even when its value is
/// null (a lenient merge would drop it without a word), a duplicate key is refused, null for a member the stored
/// document always has (<see cref="AgreementDocumentRules.IsRequired"/>) is refused rather than reset to a default,
/// and the merged document is read as a <c>PUT</c>'s would be, so a wrong type is named at the path the patch gave it.
/// </remarks>
public static class AgreementMergePatch
{
    /// <summary>The media type of a merge patch (RFC 7396 § 4).</summary>
    public const string MediaType = "application/merge-patch+json";

    /// <summary>
    /// <paramref name="current"/> with <paramref name="utf8Patch"/> applied, or every reason the patch is refused,
    /// keyed by JSON path.
    /// </summary>
    /// <param name="current">The document as stored.</param>
    /// <param name="utf8Patch">The patch as received, UTF-8.</param>
    /// <param name="options">The options to read with; null for <see cref="RegRightsJson.Options"/>.</param>
    public static RequestResult<AgreementDocument> Apply(AgreementDocument current, ReadOnlySpan<byte> utf8Patch, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        options ??= RegRightsJson.Options;
        var trimmed = utf8Patch.TrimStart(" \t\r\n"u8);
        if (!trimmed.IsEmpty && trimmed[0] != (byte)'{' && IsWellFormed(trimmed))
        {
            // RFC 7396 lets a non-object patch replace the whole target; an agreement is never anything but an object.
            return Error("$", "A merge patch of an agreement is a JSON object naming the members to change (RFC 7396), e.g. {\"name\":\"…\"}.");
        }

        if (trimmed.IsEmpty || !IsWellFormed(trimmed))
        {
            // The strict reader words a syntax error for a person, with its line and byte.
            var syntax = RegRightsJson.Read<AgreementDocument>(utf8Patch, options);
            return syntax.Success ? Error("$", "The request body is not JSON.") : syntax;
        }

        JsonObject patch;
        using (var document = JsonDocument.Parse(utf8Patch.ToArray()))
        {
            var duplicates = new Dictionary<string, string[]>(StringComparer.Ordinal);
            FindDuplicates(document.RootElement, "$", duplicates);
            if (duplicates.Count > 0)
            {
                return RequestResult.ForErrors<AgreementDocument>(duplicates);
            }

            patch = JsonNode.Parse(document.RootElement.GetRawText())!.AsObject();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Check(patch, typeof(AgreementDocument), "$", options, errors);
        if (errors.Count > 0)
        {
            return RequestResult.ForErrors<AgreementDocument>(errors);
        }

        var target = JsonSerializer.SerializeToNode(current, RegRightsJson.TypeInfo<AgreementDocument>(options)) ?? new JsonObject();
        var merged = Merge(target, patch);
        return RegRightsJson.Read<AgreementDocument>(Encoding.UTF8.GetBytes(merged?.ToJsonString() ?? "null"), options);
    }

    /// <summary>RFC 7396 § 2, MergePatch(Target, Patch).</summary>
    public static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                var merged = Merge(result.TryGetPropertyValue(name, out var existing) ? existing : null, value);
                result[name] = merged;
            }
        }

        return result;
    }

    // Unknown members and removals are checked on the patch itself: a null member leaves nothing in the merged document
    // for the strict reader to refuse. Objects are walked where the document has an object; arrays replace whole.
    private static void Check(JsonObject patch, Type type, string path, JsonSerializerOptions options, Dictionary<string, string[]> errors)
    {
        var info = options.GetTypeInfo(type);
        foreach (var (name, value) in patch)
        {
            var at = $"{path}.{name}";
            var member = info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            if (member is null)
            {
                errors[at] = [$"'{name}' is not a member here, and an unknown member is refused rather than dropped; the members are {string.Join(", ", info.Properties.Select(p => p.Name))}."];
            }
            else if (value is null)
            {
                if (AgreementDocumentRules.IsRequired(type, name))
                {
                    errors[at] = [$"'{name}' cannot be removed: an agreement always has it. Send the new value instead of null."];
                }
            }
            else if (value is JsonObject inner && Nullable.GetUnderlyingType(member.PropertyType) is null
                     && options.GetTypeInfo(member.PropertyType).Kind == JsonTypeInfoKind.Object)
            {
                Check(inner, member.PropertyType, at, options, errors);
            }
        }
    }

    // A member given twice would be merged as whichever came last; refused, as the strict reader refuses it.
    private static void FindDuplicates(JsonElement element, string path, Dictionary<string, string[]> errors)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in element.EnumerateObject())
            {
                var at = $"{path}.{member.Name}";
                if (!seen.Add(member.Name))
                {
                    errors[at] = [$"'{member.Name}' is given more than once; each member may appear once, since a second value would silently replace the first."];
                }

                FindDuplicates(member.Value, at, errors);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                FindDuplicates(item, $"{path}[{i++}]", errors);
            }
        }
    }

    private static bool IsWellFormed(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static RequestResult<AgreementDocument> Error(string path, string message) =>
        RequestResult.ForErrors<AgreementDocument>(new Dictionary<string, string[]>(StringComparer.Ordinal) { [path] = [message] });
}
