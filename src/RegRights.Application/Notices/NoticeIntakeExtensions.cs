using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RegRights.Application.Notices;

/// <summary>Registers the notice intake (<c>POST /api/notices</c>'s service) and its options.</summary>
public static class NoticeIntakeExtensions
{
    /// <summary>
    /// Binds <see cref="NoticeIntakeOptions"/> from the <c>Notices</c> section, validated at start, and registers the
    /// terms cache and <see cref="NoticeIntake"/>. Needs the Table stores (<c>AddTableStorage</c>) and an <c>IClock</c>.
    /// </summary>
    public static IHostApplicationBuilder AddNoticeIntake(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<NoticeIntakeOptions>()
            .BindConfiguration(NoticeIntakeOptions.SectionName)
            .Validate(o => o.TermsCacheDuration >= TimeSpan.Zero && o.TermsCacheDuration <= NoticeIntakeOptions.MaxTermsCacheDuration,
                $"Notices:TermsCacheDuration is zero to {NoticeIntakeOptions.MaxTermsCacheDuration.TotalSeconds} seconds.")
            .Validate(o => o.TermsCacheSize >= 1, "Notices:TermsCacheSize is at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton<AgreementTermsCache>();
        builder.Services.AddSingleton<NoticeIntake>();
        return builder;
    }
}
