using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using RegRights.Application.Agreements;
using RegRights.Application.Notices;
using RegRights.Functions.OpenApi;
using RegRights.Functions.Telemetry;
using RegRights.Functions.Webhooks;
using RegRights.Infrastructure.Email;
using RegRights.Infrastructure.Intake;
using RegRights.Infrastructure.Reminders;
using RegRights.Infrastructure.Storage;

namespace RegRights.Functions.Extensions;

/// <summary>The app's registrations, so that Program.cs stays a list of <c>AddX</c> calls.</summary>
internal static class Extensions
{
    /// <summary>The whole app: the HTTP integration, the HTTP API's shared parts, telemetry and the application services.</summary>
    public static FunctionsApplicationBuilder AddRegRightsFunctions(this FunctionsApplicationBuilder builder)
    {
        builder.UseMiddleware<WrittenResultMiddleware>();
        builder.ConfigureFunctionsWebApplication();
        builder.AddHttpApi();
        builder.AddTelemetry();
        builder.AddApplicationServices();
        return builder;
    }

    /// <summary>
    /// What every HTTP function shares: the JSON settings, the request body limit, and problem details (RFC 7807) for
    /// every failure, written in one place (<see cref="ProblemDetailsMiddleware"/>).
    /// </summary>
    /// <remarks>Call after <c>ConfigureFunctionsWebApplication</c>, so that the middleware runs inside the HTTP integration's.</remarks>
    public static FunctionsApplicationBuilder AddHttpApi(this FunctionsApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.KestrelMaxBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(o => JsonBody.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<OpenApiDocumentSource>();
        builder.UseMiddleware<ProblemDetailsMiddleware>();
        return builder;
    }

    /// <summary>The stores, the clock, the email transport and the application services the functions adapt.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddTableStorage();
        builder.AddEmail();
        builder.Services.TryAddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        builder.Services.AddSingleton<WebhookVerifier>();
        builder.AddNoticeIntake();
        builder.Services.AddSingleton<AgreementService>();
        builder.Services.AddHostedService<WebhookSourceCheck>();
        builder.AddProviderIntake();
        builder.Services.AddHostedService<RegRights.Functions.Intake.IntakeSourceCheck>();
        builder.AddReminders();
        return builder;
    }
}
