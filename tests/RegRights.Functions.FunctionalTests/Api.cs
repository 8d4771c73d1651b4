using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RegRights.Contracts;

namespace RegRights.Functions.FunctionalTests;

/// <summary>Small helpers over HttpClient for the functional tests.</summary>
internal static class Api
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static Uri Url(string path) => new(path, UriKind.Relative);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(object value) => Json(JsonSerializer.Serialize(value, RegRightsJson.Options));

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))
        ?? throw new InvalidOperationException("empty body");

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(RegRightsJson.Options, Cancel))!;

    /// <summary>The problem's errors for <paramref name="path"/>, joined (empty when the path is not named).</summary>
    public static async Task<string> ErrorAtAsync(this HttpResponseMessage response, string path) =>
        (await response.ReadJsonAsync())["errors"]?[path]?.AsArray().Select(e => (string?)e).Aggregate((a, b) => a + " " + b) ?? "";
}
