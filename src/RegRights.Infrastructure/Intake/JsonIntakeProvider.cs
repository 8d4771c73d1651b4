using System.Text.Json;
using RegRights.Application.Intake;

namespace RegRights.Infrastructure.Intake;

/// <summary>
/// A provider whose webhooks are JSON (DocuSign Connect's SIM messages, Telnyx, FedEx, UPS): the verified body is
/// parsed once here, and one that is not JSON is unreadable (400) in the same words whichever provider sent it.
/// </summary>
public abstract class JsonIntakeProvider : IntakeProvider
{
    /// <inheritdoc/>
    public sealed override ProviderEvent? Parse(IntakeRequest request, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            using var json = JsonDocument.Parse(request.Body);
            return Read(json.RootElement, out problem);
        }
        catch (JsonException ex)
        {
            problem = $"The body is not JSON: {ex.Message}";
            return null;
        }
    }

    /// <summary>Reads the event from the body's root: the event, or the reason it is not one of the provider's (400).</summary>
    /// <remarks>The document is disposed after the call: the event holds nothing of it.</remarks>
    protected abstract ProviderEvent? Read(JsonElement root, out string? problem);

    /// <summary>A property's text, or null when it is missing, not a string, or empty.</summary>
    protected static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
