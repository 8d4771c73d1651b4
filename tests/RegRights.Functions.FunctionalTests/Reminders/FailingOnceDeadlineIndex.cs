using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegRights.Application.Agreements;
using RegRights.Application.Reminders;
using RegRights.Infrastructure.Reminders;
using RegRights.Infrastructure.Storage;

namespace RegRights.Functions.FunctionalTests.Reminders;

/// <summary>The app's real deadline index, whose next write fails when <see cref="FailNext"/> is set (as storage would).</summary>
internal sealed class FailingOnceDeadlineIndex
{
    public bool FailNext { get; set; }

    public DeadlineIndex Inner { get; private set; } = null!;

    public DeadlineIndex Attach(IServiceProvider services)
    {
        Inner = new Stepped(this, services.GetRequiredService<ReminderTables>(), services.GetRequiredService<AgreementStore>(), services.GetRequiredService<IClock>());
        return Inner;
    }

    private sealed class Stepped(FailingOnceDeadlineIndex owner, ReminderTables tables, AgreementStore agreements, IClock clock)
        : TableDeadlineIndex(tables, agreements, clock)
    {
        public override Task IndexAsync(AgreementRecord record, CancellationToken cancellationToken = default)
        {
            if (owner.FailNext)
            {
                owner.FailNext = false;
                throw new Azure.RequestFailedException(503, "The index table is unavailable (test).");
            }

            return base.IndexAsync(record, cancellationToken);
        }
    }
}
