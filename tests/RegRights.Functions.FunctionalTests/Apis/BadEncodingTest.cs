using System.Net;
using System.Net.Sockets;
using System.Text;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Apis;

/// <summary>
/// A path the host's Kestrel cannot read (<c>%00</c> decodes to NUL) is refused before any function runs; through the
/// local Functions host the refusal is a problem document like every other error, and nothing is stored.
/// </summary>
/// <remarks>
/// "No function runs" is read from the host's log, which every test class shares: these tests run alone
/// (<see cref="SharedHostLog"/>), so no other test's invocation lands between the two counts.
/// </remarks>
[Collection(SharedHostLog.Name)]
public sealed class BadEncodingTest(FunctionsAppFixture app)
{
    [Theory]
    [InlineData("GET", "/api/agreements/%00")]
    [InlineData("POST", "/api/agreements/a%00b/events")]
    [InlineData("GET", "/api/agreements/%00/deadlines")]
    public async Task NulInThePath_Is400ProblemAndNoFunctionRuns(string method, string path)
    {
        // Arrange: sent as written, on a connection the client reuses (the refusal closes it; the next request opens another).
        var before = app.HostLog.Lines.Count(l => l.Contains("Executing 'Functions.", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(new HttpMethod(method), Url(path)) { Content = method == "POST" ? Json("""{"id":"c","kind":"closing","date":"2000-04-28"}""") : null };

        // Act
        using var response = await app.Management.SendAsync(request, Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(400, (int?)problem["status"]);
        Assert.Contains("%00", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(before, app.HostLog.Lines.Count(l => l.Contains("Executing 'Functions.", StringComparison.Ordinal)));
        using var next = await app.Management.GetAsync(Url("/api/health"), Cancel);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task NulInThePath_OverARawConnection_IsTheProblemWithItsLength()
    {
        // The bytes on the wire, as a client that does not normalise the URL sends them.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(app.Host.HttpBaseAddress.Host, app.Host.HttpBaseAddress.Port, Cancel);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /api/agreements/%00 HTTP/1.1\r\nHost: 127.0.0.1\r\nx-functions-key: {FunctionsAppFixture.FunctionKey}\r\n\r\n"), Cancel);
        using var reader = new StreamReader(stream, Encoding.UTF8);

        var answer = await reader.ReadToEndAsync(Cancel);

        var (head, body) = (answer[..answer.IndexOf("\r\n\r\n", StringComparison.Ordinal)], answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.Ordinal);
        Assert.Contains($"Content-Length: {Encoding.UTF8.GetByteCount(body)}", head, StringComparison.Ordinal);
        Assert.StartsWith("{\"type\":\"about:blank\"", body, StringComparison.Ordinal);
    }

    [Theory]
    // Escapes Kestrel leaves as written reach the function, which finds no such agreement: a 404 problem.
    [InlineData("/api/agreements/%zz")]
    [InlineData("/api/agreements/%C0%AF")]
    [InlineData("/api/agreements/%FF")]
    [InlineData("/api/agreements/..%2F..%2Fagreements")]
    public async Task OtherBadEscapes_AreA404Problem(string path)
    {
        using var response = await app.Management.GetAsync(Url(path), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>Tests that count the shared host's log lines, run after the parallel ones and one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedHostLog
{
    /// <summary>The collection's name.</summary>
    public const string Name = "host log";
}
