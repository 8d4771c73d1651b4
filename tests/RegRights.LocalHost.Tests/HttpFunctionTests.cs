using System.Net;
using System.Text;
using System.Text.Json;

namespace RegRights.LocalHost.Tests;

/// <summary>The HTTP side against the real test worker: metadata, routes, methods, keys, forwarding, failures.</summary>
public sealed class HttpFunctionTests(LocalHostFixture fixture)
{
    private HttpClient Client => fixture.Client;

    /// <summary>The host knows every function from the worker's own metadata, with its trigger, route and schedule.</summary>
    [Fact]
    public void Functions_AreTheWorkersMetadata()
    {
        // Arrange
        var functions = fixture.Host.Functions.ToDictionary(f => f.Name);

        // Act
        LocalFunction getItem = functions["GetItem"];

        // Assert
        Assert.Equal(["AdminOnly", "Boom", "Echo", "GetItem", "Ping", "Tick"], functions.Keys.Order());
        Assert.Equal("httpTrigger", getItem.TriggerType);
        Assert.Equal("api/items/{id:int}", getItem.Route);
        Assert.Equal(["GET"], getItem.Methods);
        Assert.Equal(FunctionAuthorizationLevel.Function, getItem.AuthorizationLevel);
        // A trigger without a route takes the function's name, under the route prefix.
        Assert.Equal("api/Echo", functions["Echo"].Route);
        Assert.Equal("timerTrigger", functions["Tick"].TriggerType);
        Assert.Equal("*/5 * * * * *", functions["Tick"].Schedule);
        Assert.DoesNotContain(fixture.Host.Functions, f => f.LoadFailed);
    }

    /// <summary>An anonymous function answers without a key, through the worker's own Kestrel.</summary>
    [Fact]
    public async Task Get_Anonymous_Returns200()
    {
        // Act
        using HttpResponseMessage response = await Client.GetAsync("api/ping", TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>A function-level function refuses a request without a key or with a wrong one, as the host does: 401.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Get_FunctionLevelWithoutValidKey_Returns401(string? key)
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/items/5");
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        // Act
        using HttpResponseMessage response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>The function key in the header, the function key in <c>?code=</c>, and the master key all open a function-level function.</summary>
    [Theory]
    [InlineData("header", "test-function-key")]
    [InlineData("query", "test-function-key")]
    [InlineData("header", "test-master-key")]
    public async Task Get_FunctionLevelWithKey_Returns200(string where, string key)
    {
        // Arrange
        string uri = where == "query" ? $"api/items/7?q=hello&code={key}" : "api/items/7?q=hello";
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (where == "header")
        {
            request.Headers.Add("x-functions-key", key);
        }

        // Act
        using HttpResponseMessage response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// The route value reaches the function both as its bound <c>int id</c> (from the trigger metadata the host fills)
    /// and in the forwarded request, with the query and a header.
    /// </summary>
    [Fact]
    public async Task Get_RouteQueryAndHeader_ReachTheFunction()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/items/42?q=search%20me");
        request.Headers.Add("x-functions-key", "test-function-key");
        request.Headers.Add("x-test", "header-value");

        // Act
        using HttpResponseMessage response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(42, body.RootElement.GetProperty("id").GetInt32());
        Assert.Equal("42", body.RootElement.GetProperty("routeValue").GetString());
        Assert.Equal("search me", body.RootElement.GetProperty("query").GetString());
        Assert.Equal("header-value", body.RootElement.GetProperty("header").GetString());
        Assert.Equal("/api/items/42", body.RootElement.GetProperty("path").GetString());
    }

    /// <summary>A value that breaks the route constraint matches no route: 404, whatever the key.</summary>
    [Fact]
    public async Task Get_RouteConstraintMismatch_Returns404()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/items/abc");
        request.Headers.Add("x-functions-key", "test-master-key");

        // Act
        using HttpResponseMessage response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The methods are a route constraint on the host, so a wrong method finds no route: 404, not 405.</summary>
    [Fact]
    public async Task Delete_OnGetOnlyFunction_Returns404()
    {
        // Act
        using HttpResponseMessage response = await Client.DeleteAsync("api/ping", TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>An admin-level function takes the master key only.</summary>
    [Theory]
    [InlineData("test-function-key", HttpStatusCode.Unauthorized)]
    [InlineData("test-master-key", HttpStatusCode.OK)]
    public async Task Get_AdminLevel_TakesMasterKeyOnly(string key, HttpStatusCode expected)
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/admin-only");
        request.Headers.Add("x-functions-key", key);

        // Act
        using HttpResponseMessage response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>A POST body and its content type are streamed to the function and its status code comes back.</summary>
    [Fact]
    public async Task Post_Body_IsEchoed()
    {
        // Arrange
        using var content = new StringContent("""{"hello":"world","n":1}""", Encoding.UTF8, "application/json");

        // Act
        using HttpResponseMessage response = await Client.PostAsync("api/Echo", content, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("""{"hello":"world","n":1}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A function that throws before writing its response gives 500, and the host logs the failed invocation.</summary>
    [Fact]
    public async Task Get_FunctionThrows_Returns500()
    {
        // Act
        using HttpResponseMessage response = await Client.GetAsync("api/boom", TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("Executed 'Functions.Boom' (Failed, Id=", StringComparison.Ordinal) && l.Contains("Boom: this function always fails.", StringComparison.Ordinal));
    }

    /// <summary>A path no function claims is 404.</summary>
    [Fact]
    public async Task Get_UnknownRoute_Returns404()
    {
        // Act
        using HttpResponseMessage response = await Client.GetAsync("api/nothing-here", TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Each invocation is logged with the function's name, the invocation id, the status and the duration in ms.</summary>
    [Fact]
    public async Task Get_Success_IsLoggedWithIdStatusAndDuration()
    {
        // Act
        using HttpResponseMessage response = await Client.GetAsync("api/ping", TestContext.Current.CancellationToken);

        // Assert: the host logs once the worker's invocation response is in, which may come just after the HTTP answer.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        static bool Executed(string line) => System.Text.RegularExpressions.Regex.IsMatch(line, @"Executed 'Functions\.Ping' \(Succeeded, Id=[0-9a-f-]{36}, Duration=\d+ms\)");
        for (var wait = 0; wait < 50 && !fixture.Logs.Lines.Any(Executed); wait++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Contains(fixture.Logs.Lines, Executed);
    }

    /// <summary>
    /// A worker that leaves an HTTP function's result in its invocation response (the test worker, without the app's
    /// <c>WrittenResultMiddleware</c>) sends it over gRPC beside the HTTP answer: the host says so, with its size.
    /// </summary>
    [Fact]
    public async Task Get_ResultAlsoReturnedOverGrpc_IsLogged()
    {
        // Act
        using HttpResponseMessage response = await Client.GetAsync("api/ping", TestContext.Current.CancellationToken);

        // Assert: Ping's ContentResult serialized for the return value, besides being written to the response.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        static bool AlsoReturned(string line) =>
            System.Text.RegularExpressions.Regex.IsMatch(line, @"'Functions\.Ping' also returned its HTTP result as the invocation's return value \([1-9]\d* bytes over gRPC\)");
        for (var wait = 0; wait < 50 && !fixture.Logs.Lines.Any(AlsoReturned); wait++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Contains(fixture.Logs.Lines, AlsoReturned);
    }
}
