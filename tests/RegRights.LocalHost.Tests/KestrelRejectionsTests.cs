using System.Text;

namespace RegRights.LocalHost.Tests;

/// <summary>Only Kestrel's own bare 400 becomes a problem document; every other answer passes as written.</summary>
public sealed class KestrelRejectionsTests
{
    [Fact]
    public void Rewrite_KestrelsBare400_IsAProblemDocumentWithItsLength()
    {
        var bare = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: Tue, 01 Dec 2026 23:00:00 GMT\r\nServer: Kestrel\r\n\r\n"u8;

        var rewritten = Encoding.UTF8.GetString(KestrelRejections.Rewrite(bare)!);

        var body = rewritten[(rewritten.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", rewritten, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: application/problem+json\r\n", rewritten, StringComparison.Ordinal);
        Assert.Contains($"\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n", rewritten, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close\r\n", rewritten, StringComparison.Ordinal);
        Assert.Contains("\"status\":400", body, StringComparison.Ordinal);
    }

    [Theory]
    // A worker's 400 has its problem body.
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: 2\r\n\r\n{}")]
    // The host's own 401 without a key, even on a connection the client closes.
    [InlineData("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
    // A 400 that keeps the connection: not Kestrel's refusal.
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")]
    public void Rewrite_AnyOtherAnswer_IsLeftAlone(string response) =>
        Assert.Null(KestrelRejections.Rewrite(Encoding.ASCII.GetBytes(response)));
}
