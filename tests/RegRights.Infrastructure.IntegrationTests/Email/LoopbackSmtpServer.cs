using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RegRights.Infrastructure.IntegrationTests.Email;

/// <summary>
/// A minimal SMTP peer on 127.0.0.1 that speaks the real protocol (RFC 5321: greeting, EHLO, MAIL, RCPT, DATA with
/// dot-stuffing, QUIT) and refuses the recipients it is told to with their own reply, which maildev cannot do. It
/// advertises no extension, so the client sends one command at a time, as a plain relay would see it.
/// </summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyDictionary<string, string> refusals;
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    /// <summary>Starts the server.</summary>
    /// <param name="refusals">Address → the whole reply to its <c>RCPT TO</c>, e.g. "550 5.1.1 mailbox unavailable".</param>
    public LoopbackSmtpServer(IReadOnlyDictionary<string, string> refusals)
    {
        this.refusals = refusals;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Each message the server took: the recipients it accepted, and the DATA as sent (dot-stuffing undone).</summary>
    public ConcurrentQueue<(IReadOnlyList<string> Recipients, string Data)> Messages { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for a client.
        }
        catch (SocketException)
        {
            // The listener was closed under AcceptTcpClientAsync.
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = await listener.AcceptTcpClientAsync(stop.Token);
            await ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 loopback ESMTP");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync(stop.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                case "HELO":
                    await writer.WriteLineAsync("250 loopback");
                    break;
                case "MAIL":
                    recipients.Clear();
                    await writer.WriteLineAsync("250 2.1.0 sender ok");
                    break;
                case "RCPT":
                    var address = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];
                    if (refusals.TryGetValue(address, out var refusal))
                    {
                        await writer.WriteLineAsync(refusal);
                    }
                    else
                    {
                        recipients.Add(address);
                        await writer.WriteLineAsync("250 2.1.5 recipient ok");
                    }

                    break;
                case "DATA":
                    if (recipients.Count == 0)
                    {
                        await writer.WriteLineAsync("554 5.5.1 no valid recipients");
                        break;
                    }

                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(stop.Token) is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    Messages.Enqueue(([.. recipients], data.ToString()));
                    await writer.WriteLineAsync("250 2.0.0 queued as loopback-1");
                    break;
                case "RSET":
                    recipients.Clear();
                    await writer.WriteLineAsync("250 2.0.0 reset");
                    break;
                case "NOOP":
                    await writer.WriteLineAsync("250 2.0.0 ok");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.2 command not implemented");
                    break;
            }
        }
    }
}
