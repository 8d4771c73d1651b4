using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;

namespace RegRights.LocalHost;

/// <summary>
/// Kestrel refuses some requests before any application sees them: a request line it cannot read, above all a path
/// with <c>%00</c> (it decodes to NUL, which no path may hold), or a malformed header. It answers
/// <c>400 Bad Request</c> with no body and closes the connection, so the client gets a bare 400 where every other
/// error of this host's apps is a problem document (RFC 7807). This connection filter turns that one answer into
/// <c>application/problem+json</c> with the same status, saying what was refused, and leaves every other byte alone.
/// </summary>
/// <remarks>
/// It recognises Kestrel's own answer by its shape: a response that starts a write with <c>400 Bad Request</c>,
/// <c>Content-Length: 0</c> and <c>Connection: close</c>. Nothing else this host writes looks like that: the worker's
/// 400s carry a problem body, and the host's own answers are 401, 404, 202 or 500. In Azure the platform's front end
/// and the Functions host's Kestrel refuse such a request the same bare way, before the app; no app can change that.
/// </remarks>
internal static class KestrelRejections
{
    private static readonly byte[] StatusLine = "HTTP/1.1 400 Bad Request\r\n"u8.ToArray();

    /// <summary>The connection middleware: <c>listenOptions.Use(KestrelRejections.AsProblems)</c>.</summary>
    public static ConnectionDelegate AsProblems(ConnectionDelegate next) => async connection =>
    {
        var transport = connection.Transport;
        connection.Transport = new DuplexPipe(transport.Input, new RewritingWriter(transport.Output));
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            connection.Transport = transport;
        }
    };

    /// <summary>The problem document for Kestrel's bare 400 in <paramref name="response"/>, or null when it is not one.</summary>
    internal static byte[]? Rewrite(ReadOnlySpan<byte> response)
    {
        if (!response.StartsWith(StatusLine))
        {
            return null;
        }

        var end = response.IndexOf("\r\n\r\n"u8);
        if (end < 0 || end + 4 != response.Length)
        {
            return null;
        }

        var headers = Encoding.ASCII.GetString(response[StatusLine.Length..end]).Split("\r\n");
        if (!headers.Contains("Content-Length: 0", StringComparer.OrdinalIgnoreCase) || !headers.Contains("Connection: close", StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        const string Body =
            "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400," +
            "\"detail\":\"The request line or a header could not be read, so no function was called: a path may not hold %00 (NUL) " +
            "or any other control character, and each header must be valid HTTP.\"}";
        var kept = headers.Where(h => !h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var text = new StringBuilder("HTTP/1.1 400 Bad Request\r\n");
        foreach (var header in kept)
        {
            text.Append(header).Append("\r\n");
        }

        text.Append("Content-Type: application/problem+json\r\n")
            .Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(Body)).Append("\r\n\r\n")
            .Append(Body);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    // Holds what Kestrel writes until it flushes, so a flush can be looked at whole; then passes it on.
    private sealed class RewritingWriter(PipeWriter inner) : PipeWriter
    {
        private readonly ArrayBufferWriter<byte> pending = new();

        public override void Advance(int bytes) => pending.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => pending.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => pending.GetSpan(sizeHint);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            PassOn();
            return await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        public override void Complete(Exception? exception = null)
        {
            PassOn();
            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            PassOn();
            await inner.CompleteAsync(exception).ConfigureAwait(false);
        }

        private void PassOn()
        {
            if (pending.WrittenCount == 0)
            {
                return;
            }

            var written = pending.WrittenSpan;
            if (Rewrite(written) is { } problem)
            {
                inner.Write(problem);
            }
            else
            {
                inner.Write(written);
            }

            pending.ResetWrittenCount();
        }
    }
}
