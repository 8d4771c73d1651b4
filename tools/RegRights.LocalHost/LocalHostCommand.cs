using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RegRights.LocalHost;

/// <summary>
/// The command line, like <c>func start</c>:
/// <c>dotnet RegRights.LocalHost.dll --app &lt;worker output dir&gt; [--port 7071] [--settings local.settings.json]
/// [--function-key K] [--master-key K] [--no-timers] [--verbose]</c>.
/// </summary>
/// <remarks>
/// <para>
/// <c>--settings</c> (default: <c>local.settings.json</c> in the app folder, if there) gives the worker's environment
/// from its <c>Values</c>, and <c>Host.LocalHttpPort</c> as the port when <c>--port</c> is not given. The keys come
/// from the options, else from <c>Values</c> <see cref="FunctionKeySetting"/> and <see cref="MasterKeySetting"/>, else
/// fresh random ones; all are printed with each function's URL.
/// </para>
/// <para>Ctrl-C (or SIGTERM) stops the worker, then the servers.</para>
/// </remarks>
public static class LocalHostCommand
{
    /// <summary>The <c>Values</c> entry read as the function key when <c>--function-key</c> is not given.</summary>
    public const string FunctionKeySetting = "LOCALHOST_FUNCTION_KEY";

    /// <summary>The <c>Values</c> entry read as the master key when <c>--master-key</c> is not given.</summary>
    public const string MasterKeySetting = "LOCALHOST_MASTER_KEY";

    private const string Usage = """
        Usage: dotnet RegRights.LocalHost.dll --app <worker output dir> [options]

          --app <dir>            the isolated worker's build or publish output (worker.config.json, functions.metadata)
          --port <n>             HTTP port on 127.0.0.1 (default: local.settings.json Host.LocalHttpPort, else 7071; 0 = free)
          --settings <file>      local.settings.json whose Values become the worker's environment (default: <app>/local.settings.json)
          --function-key <key>   the function key (default: Values.LOCALHOST_FUNCTION_KEY, else generated)
          --master-key <key>     the master key (default: Values.LOCALHOST_MASTER_KEY, else generated)
          --no-timers            timer functions run only through POST /admin/functions/{name}
          --verbose              debug logging
        """;

    /// <summary>Runs the local host until Ctrl-C (or SIGTERM).</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code: 0 after a clean stop, 1 when the host could not start, 2 for a usage error.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!TryParse(args, out Dictionary<string, string?> parsed, out string? usageError))
        {
            await Console.Error.WriteLineAsync(usageError + Environment.NewLine + Environment.NewLine + Usage).ConfigureAwait(false);
            return 2;
        }

        if (parsed.ContainsKey("help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        string app = Path.GetFullPath(parsed["app"]!);
        string settingsPath = parsed.TryGetValue("settings", out string? s) && s is not null ? Path.GetFullPath(s) : Path.Combine(app, "local.settings.json");
        LocalSettings settings;
        try
        {
            settings = LocalSettings.Read(settingsPath, required: parsed.ContainsKey("settings"));
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            await Console.Error.WriteLineAsync($"Cannot read {settingsPath}: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        using ILoggerFactory loggerFactory = LoggerFactory.Create(b =>
        {
            b.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "[HH:mm:ss] ";
            });
            b.SetMinimumLevel(parsed.ContainsKey("verbose") ? LogLevel.Debug : LogLevel.Information);
            if (!parsed.ContainsKey("verbose"))
            {
                // Kestrel's and ASP.NET Core's own lines say nothing a developer needs here.
                b.AddFilter("Microsoft", LogLevel.Warning);
                b.AddFilter("Grpc", LogLevel.Warning);
                b.AddFilter("Yarp", LogLevel.Warning);
            }
        });

        var options = new LocalHostOptions
        {
            AppDirectory = app,
            HttpPort = parsed.TryGetValue("port", out string? port) && port is not null ? int.Parse(port, CultureInfo.InvariantCulture) : settings.LocalHttpPort ?? LocalHostOptions.DefaultHttpPort,
            FunctionKey = parsed.GetValueOrDefault("function-key") ?? settings.Values.GetValueOrDefault(FunctionKeySetting),
            MasterKey = parsed.GetValueOrDefault("master-key") ?? settings.Values.GetValueOrDefault(MasterKeySetting),
            TimersEnabled = !parsed.ContainsKey("no-timers"),
            LoggerFactory = loggerFactory,
        };
        foreach ((string name, string value) in settings.Values)
        {
            options.AppSettings[name] = value;
        }

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Stop in order (worker, then servers) rather than let the runtime end the process.
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });

        try
        {
            LocalFunctionsHost host;
            try
            {
                host = await LocalFunctionsHost.StartAsync(options, stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or ArgumentException or IOException or FileNotFoundException)
            {
                await Console.Error.WriteLineAsync($"The local host could not start: {ex.Message}").ConfigureAwait(false);
                return 1;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }

            await using (host.ConfigureAwait(false))
            {
                PrintFunctions(host, keysGenerated: options.FunctionKey is null || options.MasterKey is null);
                var stopped = Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                if (await Task.WhenAny(stopped, host.Worker.Completion).ConfigureAwait(false) != stopped)
                {
                    // The Functions host would start a new worker; a development tool says so and stops instead of
                    // serving requests it can no longer answer.
                    await Console.Error.WriteLineAsync($"The worker exited ({host.Worker.Description}); the local host stops.").ConfigureAwait(false);
                    return 1;
                }

                Console.WriteLine("Stopping...");
            }

            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static void PrintFunctions(LocalFunctionsHost host, bool keysGenerated)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine().AppendLine("Functions:").AppendLine();
        foreach (LocalFunction function in host.Functions)
        {
            string what = function.IsHttpTrigger
                ? $"[{(function.Methods.Count == 0 ? "GET,POST,PUT,DELETE,PATCH,HEAD,OPTIONS" : string.Join(',', function.Methods))}] {host.GetFunctionUrl(function.Name)}{(function.AuthorizationLevel == FunctionAuthorizationLevel.Anonymous ? "" : $"  ({function.AuthorizationLevel} key)")}"
                : $"{function.TriggerType}{(function.Schedule is null ? "" : $" {function.Schedule}")}";
            text.Append("        ").Append(function.Name).Append(": ").AppendLine(what).AppendLine();
        }

        text.Append("Function key: ").AppendLine(host.FunctionKey);
        text.Append("Master key:   ").AppendLine(host.MasterKey);
        if (keysGenerated)
        {
            text.AppendLine($"(generated; fix them with --function-key/--master-key or Values.{FunctionKeySetting}/{MasterKeySetting})");
        }

        text.AppendLine("Keys go in the x-functions-key header or ?code=. Run a non-HTTP function: POST /admin/functions/{name} with the master key and {\"input\": \"\"}.");
        text.AppendLine("Press Ctrl+C to stop.");
        Console.WriteLine(text.ToString());
    }

    private static bool TryParse(string[] args, out Dictionary<string, string?> parsed, out string? error)
    {
        parsed = new Dictionary<string, string?>(StringComparer.Ordinal);
        string[] withValue = ["app", "port", "settings", "function-key", "master-key"];
        string[] flags = ["no-timers", "verbose", "help"];
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : arg is "-h" or "-?" ? "help" : "";
            if (flags.Contains(name))
            {
                parsed[name] = null;
            }
            else if (withValue.Contains(name))
            {
                if (i + 1 >= args.Length)
                {
                    error = $"{arg} needs a value.";
                    return false;
                }

                parsed[name] = args[++i];
            }
            else
            {
                error = $"Unknown argument '{arg}'.";
                return false;
            }
        }

        if (parsed.ContainsKey("help"))
        {
            error = null;
            return true;
        }

        if (!parsed.TryGetValue("app", out string? app) || string.IsNullOrWhiteSpace(app))
        {
            error = "--app is required.";
            return false;
        }

        if (parsed.TryGetValue("port", out string? port) && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int p) || p > 65535))
        {
            error = $"--port must be a number from 0 to 65535, not '{port}'.";
            return false;
        }

        error = null;
        return true;
    }
}

/// <summary>What the local host reads from local.settings.json: <c>Values</c> and <c>Host.LocalHttpPort</c>.</summary>
internal sealed record LocalSettings(IReadOnlyDictionary<string, string> Values, int? LocalHttpPort)
{
    public static LocalSettings Read(string path, bool required)
    {
        if (!File.Exists(path))
        {
            return required ? throw new FileNotFoundException("No such file.", path) : new LocalSettings(new Dictionary<string, string>(), null);
        }

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty(nameof(Values), out JsonElement v) && v.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in v.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        int? port = document.RootElement.TryGetProperty("Host", out JsonElement host) && host.ValueKind == JsonValueKind.Object
            && host.TryGetProperty(nameof(LocalHttpPort), out JsonElement p) && p.TryGetInt32(out int n) ? n : null;
        return new LocalSettings(values, port);
    }
}
