using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RegRights.Functions.Timers;

/// <summary>
/// Timer functions for the custom handler: register one in code with <c>AddTimerFunction</c>, declare its schedule in
/// <c>functions/&lt;Name&gt;/function.json</c>, and the app serves <c>POST /{Name}</c> for the host, runs the schedule
/// itself outside Azure, and runs it on demand at <c>POST /admin/functions/{Name}</c>.
/// </summary>
/// <example>
/// <code>
/// builder.Services.AddTimerFunction&lt;ScanDeadlinesFunction&gt;("ScanDeadlines");   // a class with dependencies
/// builder.Services.AddTimerFunction("Ping", (invocation, services, cancellationToken) =&gt; Task.CompletedTask);
/// </code>
/// </example>
public static partial class TimerFunctionsExtensions
{
    /// <summary>The options, the invoker and the local runner; call once, in Program.cs.</summary>
    public static IHostApplicationBuilder AddTimerFunctions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TimerOptions>().BindConfiguration(TimerOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<TimerFunctionCatalog>();
        builder.Services.TryAddSingleton<TimerFunctionInvoker>();
        // The host's default functionTimeout on Flex Consumption; a scan may take longer than HttpClient's 100 s.
        builder.Services.AddHttpClient(TimerFunctionInvoker.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(30));
        builder.Services.AddHostedService<LocalTimerRunner>();
        return builder;
    }

    /// <summary>
    /// Registers the timer function <paramref name="name"/>, whose body <typeparamref name="TFunction"/> is resolved
    /// from the request's services per invocation (registered or not: its constructor's dependencies are).
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="name">The function's name, its function.json folder's name: a letter, then letters, digits, '-' or '_'.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a function name the host accepts.</exception>
    public static IServiceCollection AddTimerFunction<TFunction>(this IServiceCollection services, string name)
        where TFunction : class, ITimerFunction
    {
        ArgumentNullException.ThrowIfNull(services);
        CheckName(name);
        return services.AddSingleton(new TimerFunctionRegistration(name, ActivatorUtilities.GetServiceOrCreateInstance<TFunction>));
    }

    /// <summary>Registers the timer function <paramref name="name"/> with a delegate body.</summary>
    /// <param name="services">The app's services.</param>
    /// <param name="name">The function's name, its function.json folder's name: a letter, then letters, digits, '-' or '_'.</param>
    /// <param name="run">The body: the invocation, the request's services, and a token cancelled when the caller goes away.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a function name the host accepts.</exception>
    public static IServiceCollection AddTimerFunction(
        this IServiceCollection services, string name, Func<TimerInvocation, IServiceProvider, CancellationToken, Task> run)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(run);
        CheckName(name);
        return services.AddSingleton(new TimerFunctionRegistration(name, provider => new DelegateTimerFunction(run, provider)));
    }

    /// <summary>Maps <c>POST /{Name}</c> for each registered timer function, and <c>POST /admin/functions/{name}</c>.</summary>
    public static WebApplication MapTimerFunctions(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var registration in app.Services.GetRequiredService<TimerFunctionCatalog>().Registered.Values)
        {
            app.MapTimerFunction(registration);
        }

        app.MapTimerFunctionsAdmin();
        return app;
    }

    private static void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!FunctionName().IsMatch(name) || name.Equals("api", StringComparison.OrdinalIgnoreCase) || name.Equals("admin", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"'{name}' is not a timer function name: a letter, then up to 126 letters, digits, '-' or '_'; not 'api' or 'admin', which are routes.",
                nameof(name));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,126}$")]
    private static partial Regex FunctionName();

    private sealed class DelegateTimerFunction(Func<TimerInvocation, IServiceProvider, CancellationToken, Task> run, IServiceProvider services)
        : ITimerFunction
    {
        public Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken) => run(invocation, services, cancellationToken);
    }
}
