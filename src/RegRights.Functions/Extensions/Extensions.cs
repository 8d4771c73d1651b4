
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using RegRights.Contracts;
using RegRights.Functions.Http;
using RegRights.Functions.Webhooks;
using RegRights.Infrastructure.Agreements;
using RegRights.Infrastructure.Email;
using RegRights.Infrastructure.Notices;
using RegRights.Infrastructure.Storage;

namespace RegRights.Functions.Extensions;

/// <summary>The app's registrations, so that Program.cs stays a list of <c>AddX</c>/<c>MapX</c> calls.</summary>
internal static class Extensions
{
    /// <summary>The port the Functions host gives a custom handler; set only under the host.</summary>
    public const string CustomHandlerPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>Requests above 256 KiB are refused with 413 before they are read (a notice is a few KiB).</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    /// <summary>Kestrel on loopback, JSON settings, problem details and OpenAPI.</summary>
    public static IHostApplicationBuilder AddFunctionsHost(this WebApplicationBuilder builder)
    {
        var portSetting = builder.Configuration[CustomHandlerPortVariable];
        var underHost = !string.IsNullOrEmpty(portSetting);

        builder.Services.AddOptions<FunctionsHostOptions>()
            .BindConfiguration(FunctionsHostOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.LocalUrl.IsLoopback, "Functions:LocalUrl must be a loopback URL (127.0.0.1).")
            .Validate(o => underHost || !string.IsNullOrEmpty(o.Key),
                "Functions:Key is required when the app runs outside the Functions host: it guards the management endpoints.")
            .ValidateOnStart();

        // The host forwards requests to 127.0.0.1:{FUNCTIONS_CUSTOMHANDLER_PORT}; nothing else should reach the app.
        var url = underHost
            ? $"http://127.0.0.1:{int.Parse(portSetting!, System.Globalization.CultureInfo.InvariantCulture)}"
            : builder.Configuration.GetSection(FunctionsHostOptions.SectionName).Get<FunctionsHostOptions>()?.LocalUrl.ToString()
              ?? new FunctionsHostOptions().LocalUrl.ToString();
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        builder.Services.ConfigureHttpJsonOptions(o => RegRightsJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<StorageUnavailableExceptionHandler>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "RegRights.Functions";
            document.Info.Description =
                "Agreements, their events and deadlines, and signed notice intake under § 6(h). Management endpoints take a key in x-functions-key or ?code=.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>The stores, the clock and the application services the endpoints use.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddTableStorage();
        builder.Services.AddEmail(builder.Configuration);
        builder.Services.TryAddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        builder.Services.AddSingleton<WebhookVerifier>();
        builder.Services.AddOptions<NoticeIntakeOptions>()
            .BindConfiguration(NoticeIntakeOptions.SectionName)
            .Validate(o => o.TermsCacheDuration >= TimeSpan.Zero && o.TermsCacheDuration <= NoticeIntakeOptions.MaxTermsCacheDuration,
                $"Notices:TermsCacheDuration is zero to {NoticeIntakeOptions.MaxTermsCacheDuration.TotalSeconds} seconds.")
            .Validate(o => o.TermsCacheSize >= 1, "Notices:TermsCacheSize is at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton<AgreementTermsCache>();
        builder.Services.AddSingleton<NoticeIntake>();
        builder.Services.AddSingleton<AgreementService>();
        builder.Services.AddHostedService<WebhookSourceCheck>();
        return builder;
    }

    /// <summary>Problem details for every error: thrown exceptions and bare status codes alike.</summary>
    public static WebApplication UseFunctionsHost(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>The OpenAPI document at /api/openapi.json, the route its function.json names.</summary>
    public static WebApplication MapOpenApiDocument(this WebApplication app)
    {
        app.MapOpenApi("/api/openapi.json").WithName("OpenApi").RequireFunctionKey();
        return app;
    }

    /// <summary>Whether the app runs under the Functions host, which then checks function keys itself.</summary>
    public static bool IsUnderFunctionsHost(this IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration[CustomHandlerPortVariable]);

}
