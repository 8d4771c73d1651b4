using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RegRights.LocalHost.Rpc;
using Yarp.ReverseProxy.Forwarder;

namespace RegRights.LocalHost;

/// <summary>
/// A local Azure Functions host for an isolated worker: it starts the worker, speaks the host/worker gRPC protocol to
/// it (init, metadata, load, invocations, logs, terminate), serves the HTTP functions on loopback with the host's routes,
/// methods and keys, forwarding each request to the worker's own HTTP server with <c>x-ms-invocation-id</c> as the host
/// does, and fires the timer functions on their schedules.
/// </summary>
/// <remarks>
/// <para>Start one with <see cref="StartAsync"/>; dispose it to stop the worker (WorkerTerminate, then kill) and the servers.</para>
/// <para>
/// Only what a development host needs is here: worker indexing (functions.metadata through the worker, as the .NET
/// isolated worker does), HTTP through ASP.NET Core integration (the worker's <c>HttpUri</c> capability), timers, and
/// the admin invoke endpoint. Request bodies are streamed to the worker and not read into trigger metadata.
/// </para>
/// </remarks>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    /// <summary>The version the host reports to the worker in WorkerInitRequest.</summary>
    public const string HostVersion = "4.0.0-regrights-localhost";

    /// <summary>The header that pairs a forwarded request with its invocation, as the host sends it.</summary>
    public const string InvocationIdHeader = "x-ms-invocation-id";

    /// <summary>The header carrying a function or master key.</summary>
    public const string FunctionsKeyHeader = "x-functions-key";

    /// <summary>The query parameter carrying a function or master key.</summary>
    public const string FunctionsKeyQueryParameter = "code";

    private readonly LocalHostOptions _options;
    private readonly ILogger _logger;
    private readonly WorkerChannel _channel;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly ConcurrentDictionary<string, DateTime> _timerLast = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Task> _timers = [];
    private readonly HttpMessageInvoker _forwardingClient;
    private readonly SemaphoreSlim _stopGate = new(1, 1);
    private WebApplication? _grpcApp;
    private WebApplication? _httpApp;
    private IWorkerHandle? _worker;
    private HttpRouteTable? _routes;
    private Dictionary<string, LocalFunction> _functions = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, string> _capabilities = [];
    private bool _stopped;

    private LocalFunctionsHost(LocalHostOptions options)
    {
        _options = options;
        _logger = options.LoggerFactory.CreateLogger("RegRights.LocalHost");
        _channel = new WorkerChannel(Guid.NewGuid().ToString(), options.LoggerFactory);
        FunctionKey = options.FunctionKey is { Length: > 0 } f ? f : NewKey();
        MasterKey = options.MasterKey is { Length: > 0 } m ? m : NewKey();
        AppDirectory = Path.GetFullPath(options.AppDirectory);
        RoutePrefix = HostJson.ReadRoutePrefix(AppDirectory);

        // As the host's proxy service: no redirects, no cookies, no proxy; the worker's response goes back untouched; a
        // connection the worker's Kestrel is not yet listening for is retried.
        _forwardingClient = new HttpMessageInvoker(new WorkerConnectRetryHandler(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        }));
    }

    /// <summary>The app folder the worker runs from.</summary>
    public string AppDirectory { get; }

    /// <summary>The route prefix from host.json (<c>extensions.http.routePrefix</c>), default <c>api</c>; may be empty.</summary>
    public string RoutePrefix { get; }

    /// <summary>The function key in force (the option's, or the one generated).</summary>
    public string FunctionKey { get; }

    /// <summary>The master key in force (the option's, or the one generated).</summary>
    public string MasterKey { get; }

    /// <summary>Where HTTP is served, such as <c>http://127.0.0.1:7071/</c>.</summary>
    public Uri HttpBaseAddress { get; private set; } = null!;

    /// <summary>The host's gRPC endpoint the worker connected to.</summary>
    public Uri GrpcEndpoint { get; private set; } = null!;

    /// <summary>The worker's own HTTP address that requests are forwarded to (null when the app has no HTTP function and none was reported).</summary>
    public Uri? WorkerHttpUri { get; private set; }

    /// <summary>The capabilities the worker reported in WorkerInitResponse.</summary>
    public IReadOnlyDictionary<string, string> WorkerCapabilities => _capabilities;

    /// <summary>The functions from the worker's metadata, in its order.</summary>
    public IReadOnlyList<LocalFunction> Functions { get; private set; } = [];

    /// <summary>The worker's handle (its description names the process).</summary>
    public IWorkerHandle Worker => _worker ?? throw new InvalidOperationException("The worker has not started.");

    /// <summary>
    /// Starts the gRPC server, the worker, the protocol handshake (init, metadata, load of every function), then HTTP
    /// and the timers.
    /// </summary>
    /// <param name="options">The app folder, port, settings, keys, timers and launcher.</param>
    /// <param name="cancellationToken">Cancels the start; what was started is stopped again.</param>
    /// <returns>The running host; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">No app folder, or <see cref="LocalHostOptions.HttpAddress"/> is not loopback.</exception>
    /// <exception cref="TimeoutException">The worker did not connect, initialize, answer the metadata request or load its functions in time.</exception>
    /// <exception cref="InvalidOperationException">The worker exited before it was ready, or answered a step with a failure.</exception>
    /// <exception cref="IOException">The HTTP port is in use.</exception>
    public static async Task<LocalFunctionsHost> StartAsync(LocalHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.AppDirectory))
        {
            throw new ArgumentException("LocalHostOptions.AppDirectory is required: the worker's output folder.", nameof(options));
        }

        if (!Directory.Exists(options.AppDirectory))
        {
            throw new ArgumentException($"The app folder '{options.AppDirectory}' does not exist.", nameof(options));
        }

        if (options.HttpAddress is null || !IPAddress.IsLoopback(options.HttpAddress))
        {
            throw new ArgumentException($"The local host serves HTTP on loopback only (127.0.0.1, ::1), not on '{options.HttpAddress}': its keys are development keys.", nameof(options));
        }

        if (options.HttpPort is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.HttpPort, "HttpPort must be from 0 (a free port) to 65535.");
        }

        var host = new LocalFunctionsHost(options);
        try
        {
            await host.StartCoreAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The URL of an HTTP function, its route template left as written, as <c>func start</c> prints it.</summary>
    /// <param name="functionName">The function's name (case-insensitive).</param>
    /// <returns>The URL, or null for an unknown or non-HTTP function.</returns>
    public string? GetFunctionUrl(string functionName) =>
        _functions.TryGetValue(functionName, out LocalFunction? f) && f.IsHttpTrigger ? $"{HttpBaseAddress}{f.Route}" : null;

    /// <summary>
    /// Runs a non-HTTP function now and waits for its result, as <c>POST /admin/functions/{name}</c> does without the wait.
    /// A timer function gets a <c>TimerInfo</c> as if its schedule fired now; any other trigger gets <paramref name="input"/>.
    /// </summary>
    /// <param name="functionName">The function's name (case-insensitive).</param>
    /// <param name="input">The trigger input for a non-timer function.</param>
    /// <param name="cancellationToken">Stops waiting and cancels the invocation.</param>
    /// <returns>The invocation's id, status and duration.</returns>
    /// <exception cref="KeyNotFoundException">No such function.</exception>
    /// <exception cref="InvalidOperationException">The function is an HTTP function: call its route.</exception>
    public Task<FunctionInvocationResult> InvokeAsync(string functionName, string? input = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        if (!_functions.TryGetValue(functionName, out LocalFunction? function))
        {
            throw new KeyNotFoundException($"No function '{functionName}'.");
        }

        if (function.IsHttpTrigger)
        {
            throw new InvalidOperationException($"'{function.Name}' is an HTTP function: call its route ({GetFunctionUrl(function.Name)}).");
        }

        return InvokeNonHttpAsync(function, input, "Manual", cancellationToken);
    }

    /// <summary>Stops the timers and HTTP, then the worker (WorkerTerminate, the grace period, then kill), then gRPC.</summary>
    /// <remarks>The worker goes before the gRPC server: the server's shutdown waits for the open EventStream call otherwise.</remarks>
    /// <returns>A task that completes when all is stopped.</returns>
    public async Task StopAsync()
    {
        await _stopGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            await _lifetime.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(_timers).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);

            if (_httpApp is not null)
            {
                using var httpStop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _httpApp.StopAsync(httpStop.Token).ConfigureAwait(false);
            }

            if (_worker is not null)
            {
                if (_channel.Started.IsCompletedSuccessfully && _capabilities.ContainsKey("HandlesWorkerTerminateMessage"))
                {
                    try
                    {
                        _channel.Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(_options.WorkerTerminateGracePeriod) } });
                        await Task.WhenAny(_worker.Completion, Task.Delay(_options.WorkerTerminateGracePeriod)).ConfigureAwait(false);
                    }
                    catch (InvalidOperationException)
                    {
                        // The stream is already gone; the kill below does the rest.
                    }
                }

                await _worker.DisposeAsync().ConfigureAwait(false);
                _logger.LogInformation("Worker stopped ({Worker}).", _worker.Description);
            }

            _channel.Stop();
            if (_grpcApp is not null)
            {
                using var grpcStop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _grpcApp.StopAsync(grpcStop.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            _stopGate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_httpApp is not null)
        {
            await _httpApp.DisposeAsync().ConfigureAwait(false);
            _httpApp = null;
        }

        if (_grpcApp is not null)
        {
            await _grpcApp.DisposeAsync().ConfigureAwait(false);
            _grpcApp = null;
        }

        _forwardingClient.Dispose();
        _channel.Dispose();
        _lifetime.Dispose();
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        // 1. The gRPC server the worker calls back (HTTP/2 without TLS, so HTTP/2 only).
        _grpcApp = CreateApp(services =>
        {
            services.AddGrpc(o =>
            {
                o.MaxReceiveMessageSize = null;
                o.MaxSendMessageSize = null;
            });
            services.AddSingleton(_channel);
        }, kestrel => kestrel.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        _grpcApp.MapGrpcService<FunctionRpcService>();
        await _grpcApp.StartAsync(cancellationToken).ConfigureAwait(false);
        GrpcEndpoint = new Uri($"http://127.0.0.1:{BoundPort(_grpcApp)}/");

        // 2. The worker, with the host's arguments and environment.
        WorkerStartInfo startInfo = CreateStartInfo();
        IWorkerLauncher launcher = _options.WorkerLauncher ?? new ProcessWorkerLauncher();
        _worker = await launcher.LaunchAsync(startInfo, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Started the worker ({Worker}); waiting for it on {Endpoint}.", _worker.Description, GrpcEndpoint);

        await StepAsync(_channel.Started, "connect (StartStream)", _options.WorkerStartupTimeout, cancellationToken).ConfigureAwait(false);
        _logger.LogDebug("Worker connected (StartStream).");

        // 3. Init: the host's capabilities out, the worker's back.
        var init = new WorkerInitRequest { HostVersion = HostVersion, WorkerDirectory = AppDirectory, FunctionAppDirectory = AppDirectory };
        init.Capabilities.Add("MultiStream", "10");
        _channel.Send(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), WorkerInitRequest = init });
        WorkerInitResponse initResponse = await StepAsync(_channel.Initialized, "initialize (WorkerInitResponse)", _options.WorkerStartupTimeout, cancellationToken).ConfigureAwait(false);
        if (initResponse.Result?.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"The worker failed to initialize: {Describe(initResponse.Result)}");
        }

        _capabilities = new Dictionary<string, string>(initResponse.Capabilities, StringComparer.Ordinal);
        string? httpUri = _worker.HttpUri?.ToString() ?? (_capabilities.TryGetValue("HttpUri", out string? uri) ? uri : null);
        WorkerHttpUri = httpUri is null ? null : new Uri(httpUri);
        _logger.LogDebug("Worker initialized (WorkerInitResponse).");
        _logger.LogDebug("Worker capabilities: {Capabilities}", string.Join(", ", _capabilities.Select(c => $"{c.Key}={c.Value}")));

        // 4. Metadata: the worker indexes its own functions.
        _channel.Send(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = AppDirectory } });
        FunctionMetadataResponse metadata = await StepAsync(_channel.Metadata, "send its function metadata", _options.FunctionLoadTimeout, cancellationToken).ConfigureAwait(false);
        if (metadata.Result?.Status == StatusResult.Types.Status.Failure)
        {
            throw new InvalidOperationException($"The worker failed to index its functions: {Describe(metadata.Result)}");
        }

        if (metadata.UseDefaultMetadataIndexing)
        {
            throw new InvalidOperationException("The worker asks the host to index function.json files; this local host supports worker indexing only (the .NET isolated worker's functions.metadata).");
        }

        _logger.LogDebug("Worker sent its function metadata ({Count} functions).", metadata.FunctionMetadataResults.Count);
        Functions = metadata.FunctionMetadataResults.Select(m => LocalFunction.FromMetadata(m, RoutePrefix)).ToArray();
        _functions = Functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

        // 5. Load each function, as the host does for a worker without the load-collection capability.
        var loads = new List<(LocalFunction Function, Task<FunctionLoadResponse> Response)>();
        foreach ((LocalFunction function, RpcFunctionMetadata source) in Functions.Zip(metadata.FunctionMetadataResults))
        {
            loads.Add((function, _channel.ExpectLoad(function.FunctionId)));
            _channel.Send(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), FunctionLoadRequest = CreateLoadRequest(function, source) });
        }

        await StepAsync(Task.WhenAll(loads.Select(l => l.Response)).ContinueWith(t => t.Result.Length, TaskScheduler.Default), "load its functions", _options.FunctionLoadTimeout, cancellationToken).ConfigureAwait(false);
        _logger.LogDebug("Worker loaded its functions.");
        foreach ((LocalFunction function, Task<FunctionLoadResponse> response) in loads)
        {
            if (response.Result.Result?.Status != StatusResult.Types.Status.Success)
            {
                // The host goes on and fails each invocation of a function that did not load.
                function.LoadFailed = true;
                _logger.LogError("The worker failed to load function '{Function}': {Reason}", function.Name, Describe(response.Result.Result));
            }
        }

        if (WorkerHttpUri is null && Functions.Any(f => f.IsHttpTrigger))
        {
            throw new InvalidOperationException("The app has HTTP functions but the worker reported no HttpUri capability: this local host forwards HTTP to the worker's ASP.NET Core integration (ConfigureFunctionsWebApplication).");
        }

        // 6. HTTP on loopback, then the timers.
        _httpApp = CreateApp(services =>
        {
            services.AddRouting();
            services.AddHttpForwarder();
        }, kestrel => kestrel.Listen(_options.HttpAddress, _options.HttpPort, listen => listen.Use(KestrelRejections.AsProblems)));
        _routes = new HttpRouteTable(Functions, _httpApp.Services.GetRequiredService<IInlineConstraintResolver>());
        var forwarder = _httpApp.Services.GetRequiredService<IHttpForwarder>();
        _httpApp.Run(context => HandleHttpAsync(context, forwarder));
        await _httpApp.StartAsync(cancellationToken).ConfigureAwait(false);
        string host = _options.HttpAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{_options.HttpAddress}]" : _options.HttpAddress.ToString();
        HttpBaseAddress = new Uri($"http://{host}:{BoundPort(_httpApp)}/");

        if (_options.TimersEnabled)
        {
            foreach (LocalFunction timer in Functions.Where(f => f.IsTimerTrigger && f.Schedule is not null && !IsDisabled(f.Name)))
            {
                _timers.Add(RunTimerAsync(timer, TimerSchedule.Parse(timer.Schedule!, _options.AppSettings), _lifetime.Token));
            }
        }

        _logger.LogInformation("Host started: {Count} functions, HTTP on {Address}.", Functions.Count, HttpBaseAddress);
    }

    /// <summary>
    /// Whether the app setting <c>AzureWebJobs.{name}.Disabled</c> (or its environment form <c>AzureWebJobs__{name}__Disabled</c>)
    /// is true: as on the host, a disabled timer does not fire on its schedule, and still runs when invoked.
    /// </summary>
    private bool IsDisabled(string functionName)
    {
        foreach (string key in new[] { $"AzureWebJobs.{functionName}.Disabled", $"AzureWebJobs__{functionName}__Disabled" })
        {
            string? value = _options.AppSettings.TryGetValue(key, out string? setting) ? setting : Environment.GetEnvironmentVariable(key);
            if (bool.TryParse(value, out bool disabled) && disabled)
            {
                return true;
            }
        }

        return false;
    }

    private WorkerStartInfo CreateStartInfo()
    {
        string requestId = Guid.NewGuid().ToString();
        int maxMessageLength = int.MaxValue;
        string[] arguments =
        [
            "--host", GrpcEndpoint.Host, "--port", GrpcEndpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workerId", _channel.WorkerId, "--requestId", requestId,
            "--grpcMaxMessageLength", maxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--functions-uri", GrpcEndpoint.AbsoluteUri, "--functions-worker-id", _channel.WorkerId,
            "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", maxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FUNCTIONS_APPLICATION_DIRECTORY"] = AppDirectory,
            ["FUNCTIONS_WORKER_DIRECTORY"] = AppDirectory,
            ["AzureWebJobsScriptRoot"] = AppDirectory,
        };
        foreach ((string name, string value) in _options.AppSettings)
        {
            environment[name] = value;
        }

        return new WorkerStartInfo
        {
            AppDirectory = AppDirectory,
            WorkerDirectory = AppDirectory,
            HostEndpoint = GrpcEndpoint,
            WorkerId = _channel.WorkerId,
            RequestId = requestId,
            GrpcMaxMessageLength = maxMessageLength,
            Arguments = arguments,
            Configuration = new Dictionary<string, string?>
            {
                [WorkerStartInfo.HostEndpointKey] = GrpcEndpoint.AbsoluteUri,
                [WorkerStartInfo.WorkerIdKey] = _channel.WorkerId,
                [WorkerStartInfo.RequestIdKey] = requestId,
                [WorkerStartInfo.GrpcMaxMessageLengthKey] = maxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            Environment = environment,
            LoggerFactory = _options.LoggerFactory,
        };
    }

    private static FunctionLoadRequest CreateLoadRequest(LocalFunction function, RpcFunctionMetadata source)
    {
        var request = new FunctionLoadRequest
        {
            FunctionId = function.FunctionId,
            Metadata = new RpcFunctionMetadata
            {
                Name = source.Name,
                Directory = source.Directory ?? "",
                EntryPoint = source.EntryPoint ?? "",
                ScriptFile = source.ScriptFile ?? "",
                IsProxy = false,
            },
        };
        foreach (ParsedBinding binding in function.Bindings)
        {
            request.Metadata.Bindings[binding.Name] = binding.ToBindingInfo();
        }

        foreach ((string key, string value) in source.Properties)
        {
            request.Metadata.Properties[key] = value;
        }

        return request;
    }

    /// <summary>Waits for one handshake step; fails clearly when the worker exits, the time runs out, or the caller cancels.</summary>
    private async Task<T> StepAsync<T>(Task<T> step, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task exited = _worker!.Completion;
        Task finished = await Task.WhenAny(step, exited, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
        if (finished == step)
        {
            return await step.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (finished == exited)
        {
            throw new InvalidOperationException($"The worker ({_worker.Description}) exited before it could {what}; its output is in the log (category Worker.Process).");
        }

        throw new TimeoutException($"The worker ({_worker.Description}) did not {what} within {timeout.TotalSeconds:0.#} s (host endpoint {GrpcEndpoint}).");
    }

    private WebApplication CreateApp(Action<IServiceCollection> services, Action<KestrelServerOptions> kestrel)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(LocalFunctionsHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ForwardingLoggerProvider(_options.LoggerFactory));

        // The caller's Ctrl-C handling stops the host in order; the apps must not stop themselves on the signal.
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.WebHost.UseKestrel(kestrel);
        services(builder.Services);
        return builder.Build();
    }

    private static int BoundPort(WebApplication app)
    {
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address).Port;
    }

    private async Task HandleHttpAsync(HttpContext context, IHttpForwarder forwarder)
    {
        PathString path = context.Request.Path;
        if (path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
        {
            await HandleAdminAsync(context).ConfigureAwait(false);
            return;
        }

        if (_routes!.TryMatch(context, out LocalFunction? function, out RouteValueDictionary values))
        {
            await HandleFunctionRequestAsync(context, function!, values, forwarder).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private FunctionAuthorizationLevel GetRequestLevel(HttpRequest request)
    {
        // The header wins over the query, as on the host.
        string? key = request.Headers.TryGetValue(FunctionsKeyHeader, out var header) ? header.FirstOrDefault()
            : request.Query.TryGetValue(FunctionsKeyQueryParameter, out var query) ? query.FirstOrDefault() : null;
        if (string.IsNullOrEmpty(key))
        {
            return FunctionAuthorizationLevel.Anonymous;
        }

        if (FixedTimeEquals(key, MasterKey))
        {
            return FunctionAuthorizationLevel.Admin;
        }

        return FixedTimeEquals(key, FunctionKey) ? FunctionAuthorizationLevel.Function : FunctionAuthorizationLevel.Anonymous;
    }

    private async Task HandleAdminAsync(HttpContext context)
    {
        // Every admin endpoint takes the master key, as on the host.
        if (GetRequestLevel(context.Request) != FunctionAuthorizationLevel.Admin)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        string[] segments = context.Request.Path.Value!.Trim('/').Split('/');
        if (segments is ["admin", "functions", string name] && HttpMethods.IsPost(context.Request.Method))
        {
            if (!_functions.TryGetValue(Uri.UnescapeDataString(name), out LocalFunction? function))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (function.IsHttpTrigger)
            {
                await Results.Problem($"'{function.Name}' is an HTTP function: call its route.", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            string? input;
            try
            {
                input = await ReadAdminInputAsync(context.Request).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                await Results.Problem("The body must be JSON: {\"input\": ...}.", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            // The host starts the invocation and answers at once.
            _ = InvokeNonHttpAsync(function, input, "Admin", _lifetime.Token);
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        if (segments is ["admin", "functions"] && HttpMethods.IsGet(context.Request.Method))
        {
            await Results.Json(Functions.Select(f => new { name = f.Name, trigger = f.TriggerType, route = f.Route, methods = f.Methods, authLevel = f.AuthorizationLevel.ToString(), schedule = f.Schedule, invokeUrlTemplate = GetFunctionUrl(f.Name) })).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (segments is ["admin", "host", "status"] && HttpMethods.IsGet(context.Request.Method))
        {
            await Results.Json(new { state = _stopped ? "Stopped" : "Running", version = HostVersion }).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private static async Task<string?> ReadAdminInputAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        string body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        using JsonDocument document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("input", out JsonElement input))
        {
            return null;
        }

        return input.ValueKind switch
        {
            JsonValueKind.String => input.GetString(),
            JsonValueKind.Null => null,
            _ => input.GetRawText(),
        };
    }

    private async Task HandleFunctionRequestAsync(HttpContext context, LocalFunction function, RouteValueDictionary routeValues, IHttpForwarder forwarder)
    {
        if (GetRequestLevel(context.Request) < function.AuthorizationLevel)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        string invocationId = Guid.NewGuid().ToString();
        InvocationRequest request = NewInvocation(function, invocationId);

        // A worker that proxies HTTP gets an empty RpcHttp; the request itself follows over HTTP.
        request.InputData.Add(new ParameterBinding { Name = function.TriggerBindingName, Data = new TypedData { Http = new RpcHttp() } });
        foreach ((string key, TypedData value) in HttpTriggerMetadata(context.Request, routeValues))
        {
            request.TriggerMetadata[key] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        ILogger logger = FunctionLogger(function);
        logger.LogInformation("Executing 'Functions.{Function}' (Reason='This function was programmatically called via the host APIs.', Id={InvocationId})", function.Name, invocationId);

        string? failure = null;
        if (function.LoadFailed)
        {
            failure = "the worker failed to load the function";
        }
        else
        {
            Task<InvocationResponse> response = _channel.ExpectInvocation(invocationId);
            context.Request.Headers[InvocationIdHeader] = invocationId;

            // As the host: forwarding starts before the invocation request goes out, so the worker's coordinator can
            // pair the two by the invocation id whichever arrives first.
            Task<ForwarderError> forwarding = forwarder.SendAsync(context, WorkerHttpUri!.ToString(), _forwardingClient, ForwarderRequestConfig.Empty with { ActivityTimeout = TimeSpan.FromSeconds(240) }).AsTask();
            _channel.Send(new StreamingMessage { InvocationRequest = request });
            using CancellationTokenRegistration cancel = context.RequestAborted.Register(() => TrySendCancel(invocationId));

            ForwarderError forwardingError = await forwarding.ConfigureAwait(false);
            try
            {
                InvocationResponse result = await response.WaitAsync(context.RequestAborted).ConfigureAwait(false);
                if (result.Result?.Status != StatusResult.Types.Status.Success)
                {
                    failure = Describe(result.Result);
                }
                else if (result.ReturnValue is { DataCase: not TypedData.DataOneofCase.None } returned)
                {
                    // The host takes a proxied request's answer from the worker's HTTP response; a return value beside
                    // it is the worker serializing the same result again for nothing, worth knowing when it is large.
                    logger.LogInformation(
                        "'Functions.{Function}' also returned its HTTP result as the invocation's return value ({Bytes} bytes over gRPC), which a proxied HTTP invocation does not use (Id={InvocationId})",
                        function.Name, returned.CalculateSize(), invocationId);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
            {
                _channel.ForgetInvocation(invocationId);
                failure = ex.Message;
            }

            if (forwardingError != ForwarderError.None)
            {
                failure ??= $"Failed to proxy request with ForwarderError: {forwardingError}";
            }
        }

        LogExecuted(logger, function, invocationId, failure, stopwatch.Elapsed);

        // A failed invocation whose response was not written is a 500, as the host's exception handling makes it.
        if (failure is not null && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    /// <summary>The trigger metadata the host's HTTP binding fills: query values (not <c>code</c>), route values, <c>Query</c>, <c>Headers</c>.</summary>
    private static Dictionary<string, TypedData> HttpTriggerMetadata(HttpRequest request, RouteValueDictionary routeValues)
    {
        var data = new Dictionary<string, TypedData>(StringComparer.OrdinalIgnoreCase);
        foreach ((string key, Microsoft.Extensions.Primitives.StringValues value) in request.Query)
        {
            if (!key.Equals(FunctionsKeyQueryParameter, StringComparison.OrdinalIgnoreCase))
            {
                data[key] = new TypedData { String = value.ToString() };
            }
        }

        foreach ((string key, object? value) in routeValues)
        {
            // Null values (optional parameters not in the URL) are left out, as the host skips null binding data.
            if (value is not null)
            {
                data[key] = new TypedData { String = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" };
            }
        }

        data.TryAdd("Query", new TypedData { Json = JsonSerializer.Serialize(request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase)) });
        data.TryAdd("Headers", new TypedData { Json = JsonSerializer.Serialize(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)) });
        return data;
    }

    private async Task RunTimerAsync(LocalFunction function, TimerSchedule schedule, CancellationToken cancellationToken)
    {
        try
        {
            if (function.RunOnStartup)
            {
                await FireTimerAsync(function, schedule, DateTime.Now, cancellationToken).ConfigureAwait(false);
            }

            DateTime next = schedule.GetNextOccurrence(DateTime.Now);
            while (!cancellationToken.IsCancellationRequested)
            {
                // Timers may wake a little early; an occurrence never runs before its time.
                TimeSpan wait;
                while ((wait = next - DateTime.Now) > TimeSpan.Zero)
                {
                    await Task.Delay(wait + TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
                }

                await FireTimerAsync(function, schedule, next, cancellationToken).ConfigureAwait(false);

                // One run at a time, as the host's timer listener; a run longer than the interval skips what it overran.
                next = schedule.GetNextOccurrence(next > DateTime.Now ? next : DateTime.Now);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task FireTimerAsync(LocalFunction function, TimerSchedule schedule, DateTime occurrence, CancellationToken cancellationToken)
    {
        DateTime now = DateTime.Now;
        DateTime next = schedule.GetNextOccurrence(occurrence);
        string timerInfo = TimerInfoJson.Create(occurrence, next, now, isPastDue: now >= next);
        _timerLast[function.Name] = occurrence;
        await InvokeWithInputAsync(function, new TypedData { Json = timerInfo }, "Timer fired at " + occurrence.ToString("O", System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
    }

    private Task<FunctionInvocationResult> InvokeNonHttpAsync(LocalFunction function, string? input, string reason, CancellationToken cancellationToken)
    {
        TypedData data;
        if (function.IsTimerTrigger)
        {
            // Run now: the status is the schedule's as of now; the last occurrence is the last one this host ran, if any.
            DateTime now = DateTime.Now;
            DateTime next = function.Schedule is null ? now : TimerSchedule.Parse(function.Schedule, _options.AppSettings).GetNextOccurrence(now);
            DateTime last = _timerLast.TryGetValue(function.Name, out DateTime l) ? l : now;
            data = new TypedData { Json = TimerInfoJson.Create(last, next, now, isPastDue: false) };
        }
        else
        {
            data = input is null ? new TypedData() : new TypedData { String = input };
        }

        return InvokeWithInputAsync(function, data, reason, cancellationToken);
    }

    private async Task<FunctionInvocationResult> InvokeWithInputAsync(LocalFunction function, TypedData input, string reason, CancellationToken cancellationToken)
    {
        string invocationId = Guid.NewGuid().ToString();
        InvocationRequest request = NewInvocation(function, invocationId);
        request.InputData.Add(new ParameterBinding { Name = function.TriggerBindingName, Data = input });

        ILogger logger = FunctionLogger(function);
        logger.LogInformation("Executing 'Functions.{Function}' (Reason='{Reason}', Id={InvocationId})", function.Name, reason, invocationId);
        var stopwatch = Stopwatch.StartNew();
        string? failure = null;
        if (function.LoadFailed)
        {
            failure = "the worker failed to load the function";
        }
        else
        {
            try
            {
                Task<InvocationResponse> response = _channel.ExpectInvocation(invocationId);
                _channel.Send(new StreamingMessage { InvocationRequest = request });
                using CancellationTokenRegistration cancel = cancellationToken.Register(() => TrySendCancel(invocationId));
                InvocationResponse result = await response.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (result.Result?.Status != StatusResult.Types.Status.Success)
                {
                    failure = Describe(result.Result);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
            {
                _channel.ForgetInvocation(invocationId);
                failure = ex.Message;
            }
        }

        TimeSpan duration = stopwatch.Elapsed;
        LogExecuted(logger, function, invocationId, failure, duration);
        return new FunctionInvocationResult(function.Name, invocationId, failure is null, failure, duration);
    }

    private static InvocationRequest NewInvocation(LocalFunction function, string invocationId) => new()
    {
        InvocationId = invocationId,
        FunctionId = function.FunctionId,
        TraceContext = new RpcTraceContext
        {
            // The caller's trace when there is one, marked sampled: the host records every invocation by default, and
            // a worker that samples on its parent would otherwise drop the spans of a request whose caller did not sample.
            TraceParent = $"00-{Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom()}-{Activity.Current?.SpanId ?? ActivitySpanId.CreateRandom()}-01",
            TraceState = Activity.Current?.TraceStateString ?? "",
        },
    };

    private void TrySendCancel(string invocationId)
    {
        try
        {
            _channel.Send(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } });
        }
        catch (InvalidOperationException)
        {
            // The worker is gone: nothing left to cancel.
        }
    }

    private ILogger FunctionLogger(LocalFunction function) => _options.LoggerFactory.CreateLogger($"Function.{function.Name}");

    private static void LogExecuted(ILogger logger, LocalFunction function, string invocationId, string? failure, TimeSpan duration)
    {
        long ms = (long)Math.Round(duration.TotalMilliseconds);
        if (failure is null)
        {
            logger.LogInformation("Executed 'Functions.{Function}' (Succeeded, Id={InvocationId}, Duration={DurationMs}ms)", function.Name, invocationId, ms);
        }
        else
        {
            logger.LogError("Executed 'Functions.{Function}' (Failed, Id={InvocationId}, Duration={DurationMs}ms): {Failure}", function.Name, invocationId, ms, failure);
        }
    }

    private static string Describe(StatusResult? result) =>
        result is null ? "no status" : result.Exception is { } e ? $"{e.Type}: {e.Message}".TrimStart(':', ' ') : string.IsNullOrEmpty(result.Result) ? result.Status.ToString() : result.Result;

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class PassiveHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class ForwardingLoggerProvider(ILoggerFactory factory) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => factory.CreateLogger(categoryName);

        public void Dispose()
        {
            // The factory is the caller's.
        }
    }
}

/// <summary>The outcome of one invocation run through <see cref="LocalFunctionsHost.InvokeAsync"/>.</summary>
/// <param name="FunctionName">The function's name.</param>
/// <param name="InvocationId">The invocation's id, as in the logs.</param>
/// <param name="Succeeded">Whether the worker answered Success.</param>
/// <param name="Error">Why it failed (the exception's type and message), or null.</param>
/// <param name="Duration">From the request to the worker's answer.</param>
public sealed record FunctionInvocationResult(string FunctionName, string InvocationId, bool Succeeded, string? Error, TimeSpan Duration);

/// <summary>What the local host reads from the app's host.json.</summary>
internal static class HostJson
{
    public const string DefaultRoutePrefix = "api";

    public static string ReadRoutePrefix(string appDirectory)
    {
        string path = Path.Combine(appDirectory, "host.json");
        if (!File.Exists(path))
        {
            return DefaultRoutePrefix;
        }

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return TryGet(document.RootElement, "extensions", out JsonElement extensions)
            && TryGet(extensions, "http", out JsonElement http)
            && TryGet(http, "routePrefix", out JsonElement prefix)
            && prefix.ValueKind == JsonValueKind.String
            ? prefix.GetString()!.Trim('/')
            : DefaultRoutePrefix;
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }
}
