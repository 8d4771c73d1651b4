using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace RegRights.Functions.Telemetry;

/// <summary>
/// Traces through OpenTelemetry: each invocation (the worker's own source), the Table Storage and ACS calls the Azure
/// SDK makes, outgoing HTTP (ACS REST, SMTP is not HTTP), each tagged with the agreement it concerns. On, and exported
/// to Azure Monitor, when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (as the Bicep sets it); off otherwise, so
/// that a local run does not pay for spans nobody reads (<c>Telemetry:Enabled</c> overrides either way).
/// </summary>
internal static class TelemetryExtensions
{
    /// <summary>The Application Insights connection string setting.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Turns tracing on or off whatever the connection string says.</summary>
    public const string EnabledSetting = "Telemetry:Enabled";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration[ConnectionStringSetting];
        if (!(builder.Configuration.GetValue<bool?>(EnabledSetting) ?? !string.IsNullOrEmpty(connectionString)))
        {
            return builder;
        }

        // The Azure SDK's client spans (Table Storage) come from its ActivitySources only when this switch is on.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);

        var telemetry = builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing
                .AddSource(RegRightsActivity.SourceName)
                .AddSource("Azure.*")
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrEmpty(connectionString))
        {
            telemetry.UseAzureMonitorExporter(o => o.ConnectionString = connectionString);
        }

        return builder;
    }
}

/// <summary>The app's own trace tags, on the invocation's span.</summary>
internal static class RegRightsActivity
{
    /// <summary>The app's ActivitySource.</summary>
    public const string SourceName = "RegRights.Functions";

    /// <summary>The tag naming the agreement an invocation concerns: the dimension to filter a deal's requests by.</summary>
    public const string AgreementIdTag = "regrights.agreement.id";

    /// <summary>The tag saying why a notice was refused (401, 409, 400…), so every refusal can be found.</summary>
    public const string NoticeRefusedTag = "regrights.notice.refused";

    /// <summary>Tags the current span with the agreement <paramref name="agreementId"/>.</summary>
    public static void TagAgreement(string? agreementId)
    {
        if (!string.IsNullOrEmpty(agreementId))
        {
            Activity.Current?.SetTag(AgreementIdTag, agreementId);
        }
    }

    /// <summary>Tags the current span as a refused notice, with the reason in words.</summary>
    public static void TagNoticeRefused(string reason) => Activity.Current?.SetTag(NoticeRefusedTag, reason);
}
