using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace RegRights.LocalHost.TestWorker;

/// <summary>
/// The test worker's functions: one of each kind the local host must serve, each echoing what reached it so
/// the tests can see what the host sent.
/// </summary>
public sealed class Functions(IConfiguration configuration)
{
    /// <summary>The app setting naming the file that <see cref="Tick"/> appends its <see cref="TimerInfo"/> to.</summary>
    public const string TimerLogSetting = "TestWorker:TimerLog";

    /// <summary>Anonymous GET: answers "pong".</summary>
    [Function("Ping")]
    public static IActionResult Ping([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ping")] HttpRequest request) =>
        new ContentResult { Content = "pong", ContentType = "text/plain", StatusCode = 200 };

    /// <summary>Function-level GET with an int route constraint: echoes the route value, the query and a header.</summary>
    [Function("GetItem")]
    public static IActionResult GetItem(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "items/{id:int}")] HttpRequest request, int id) =>
        new JsonResult(new
        {
            id,
            routeValue = request.RouteValues["id"]?.ToString(),
            query = request.Query["q"].ToString(),
            header = request.Headers["x-test"].ToString(),
            path = request.Path.Value,
        });

    /// <summary>Admin-level GET: only the master key may call it.</summary>
    [Function("AdminOnly")]
    public static IActionResult AdminOnly([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "admin-only")] HttpRequest request) =>
        new ContentResult { Content = "admin", ContentType = "text/plain", StatusCode = 200 };

    /// <summary>Anonymous POST with the default route (the function's name): echoes the body and its content type.</summary>
    [Function("Echo")]
    public static async Task<IActionResult> Echo([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        string body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        return new ContentResult { Content = body, ContentType = request.ContentType ?? "text/plain", StatusCode = 201 };
    }

    /// <summary>Anonymous GET that throws before writing a response, as a failing function does.</summary>
    [Function("Boom")]
    public static IActionResult Boom([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "boom")] HttpRequest request) =>
        throw new InvalidOperationException("Boom: this function always fails.");

    /// <summary>Every 5 seconds: appends the <see cref="TimerInfo"/> it got, as one JSON line, to the file named by <see cref="TimerLogSetting"/>.</summary>
    [Function("Tick")]
    public void Tick([TimerTrigger("*/5 * * * * *")] TimerInfo timer)
    {
        string? path = configuration[TimerLogSetting];
        if (!string.IsNullOrEmpty(path))
        {
            // One line per firing, so a test can count firings and read the last one.
            File.AppendAllText(path, JsonSerializer.Serialize(timer) + Environment.NewLine);
        }
    }
}
