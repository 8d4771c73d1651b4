using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RegRights.Application.Notices;
using RegRights.Infrastructure.Storage;

namespace RegRights.Functions.FunctionalTests.Apis;

/// <summary>
/// An app and Azurite of their own for the notice tests, which move the clock and stop Azurite: the shared app's
/// other tests must not see either. Its <see cref="NoticeStore"/> can run a step just before or after a notice is
/// written, where a test stops Azurite mid-request.
/// </summary>
public sealed class NoticesAppFixture : IAsyncLifetime
{
    public NoticesAppFixture() => App = new FunctionsAppFixture(services =>
        services.Replace(ServiceDescriptor.Singleton<NoticeStore>(sp => new SteppedNoticeStore(sp.GetRequiredService<RegRightsTables>()))));

    public FunctionsAppFixture App { get; }

    public SteppedNoticeStore Store => (SteppedNoticeStore)App.Services.GetRequiredService<NoticeStore>();

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>The real store, with one-shot steps around the notice's insert.</summary>
public sealed class SteppedNoticeStore(RegRightsTables tables) : TableNoticeStore(tables)
{
    public Func<Task>? BeforeNextAdd { get; set; }

    public Func<Task>? AfterNextAdd { get; set; }

    public override async Task<StoredNotice> AddAsync(StoredNotice notice, CancellationToken cancellationToken = default)
    {
        if (BeforeNextAdd is { } before)
        {
            BeforeNextAdd = null;
            await before();
        }

        var stored = await base.AddAsync(notice, cancellationToken);
        if (AfterNextAdd is { } after)
        {
            AfterNextAdd = null;
            await after();
        }

        return stored;
    }
}
