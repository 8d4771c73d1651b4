using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RegRights.Testing;

/// <summary>
/// A real local service (Azurite, maildev) run from the repo's own npm lock file (tools/local), on loopback ports
/// chosen free at start. It can be stopped and started again on the same ports, so a test can take a part away
/// mid-run and give it back.
/// </summary>
public sealed class LocalServiceProcess : IAsyncDisposable
{
    private readonly string executable;
    private readonly IReadOnlyList<string> arguments;
    private readonly StringBuilder output = new();
    private Process? process;

    private LocalServiceProcess(string name, string executable, IReadOnlyList<string> arguments, IReadOnlyList<int> ports)
    {
        Name = name;
        this.executable = executable;
        this.arguments = arguments;
        Ports = ports;
    }

    /// <summary>The tool's name, e.g. "azurite-table".</summary>
    public string Name { get; }

    /// <summary>The loopback ports the service listens on, in the order the caller asked for them.</summary>
    public IReadOnlyList<int> Ports { get; }

    /// <summary>Whether the process is running.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>The running process's id, for a load test that counts the service's own CPU time.</summary>
    public int? ProcessId => IsRunning ? process!.Id : null;

    /// <summary>What the process has printed so far, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="tool"/> from tools/local/node_modules/.bin with the arguments built from free ports.</summary>
    /// <param name="tool">The npm binary, e.g. "azurite-table" or "maildev".</param>
    /// <param name="portCount">How many free loopback ports to reserve.</param>
    /// <param name="buildArguments">Builds the command line from the ports.</param>
    /// <param name="cancellationToken">Cancels waiting for the ports to open.</param>
    public static async Task<LocalServiceProcess> StartAsync(
        string tool, int portCount, Func<IReadOnlyList<int>, IReadOnlyList<string>> buildArguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buildArguments);
        var ports = Enumerable.Range(0, portCount).Select(_ => FreeLoopbackPort()).ToArray();
        var service = new LocalServiceProcess(tool, FindTool(tool), buildArguments(ports), ports);
        await service.StartAsync(cancellationToken).ConfigureAwait(false);
        return service;
    }

    /// <summary>Starts the process (again) on the same ports and waits until every port accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Node starts in a second or two; on a machine loaded by parallel builds it has been seen to take over a minute.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        foreach (var port in Ports)
        {
            try
            {
                await WaitForPortAsync(port, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"{Name} did not open port {port} within {StartTimeout.TotalSeconds} s (load average {LoadAverage()}); its output:\n{Output}", ex);
            }
        }
    }

    /// <summary>
    /// Stops the process as an operator would (SIGINT, then a kill after 10 seconds) and waits until it has exited.
    /// </summary>
    /// <remarks>
    /// Azurite keeps its tables in memory and saves them every 5 seconds and on SIGINT; a bare kill would lose the
    /// last writes, which real storage never does, so a test that takes storage away and gives it back would see
    /// acknowledged writes vanish.
    /// </remarks>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            using (var interrupt = Process.Start(new ProcessStartInfo("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])))
            {
                if (interrupt is not null)
                {
                    await interrupt.WaitForExitAsync().ConfigureAwait(false);
                }
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        process.Dispose();
        process = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>
    /// A loopback port nothing listens on right now, and that this process has not handed out before: a service given a
    /// port binds it only when it has started, and until then the system may offer the same port to the next fixture,
    /// whose requests would then reach the wrong service.
    /// </summary>
    public static int FreeLoopbackPort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    private static readonly HashSet<int> HandedOut = [];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private async Task WaitForPortAsync(int port, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before port {port} opened:\n{Output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    // scripts/test.sh exports REGRIGHTS_LOCAL_SERVICES; from an IDE, walk up to the repo's tools/local.
    private static string FindTool(string tool)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("REGRIGHTS_LOCAL_SERVICES");
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            candidates.Add(Path.Combine(fromEnvironment, tool));
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "tools", "local", "node_modules", ".bin", tool));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"{tool} is not installed. Run scripts/test.sh, which installs it from tools/local/package-lock.json (npm ci).");
    }
}
