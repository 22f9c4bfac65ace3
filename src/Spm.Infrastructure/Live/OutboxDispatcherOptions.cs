namespace Spm.Infrastructure.Live;

/// <summary>Tuning of the outbox dispatcher, bound from <c>Spm:Live:Dispatcher</c>.</summary>
public sealed class OutboxDispatcherOptions
{
    /// <summary>Safety-net poll for tenants with unapplied rows, in case a NOTIFY was missed (listener reconnecting).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Rows read and applied per transaction.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Tenants processed in parallel on one node.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Upper bound of the exponential backoff after a failed batch (Redis or PostgreSQL down).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First backoff step; doubled per consecutive failure.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Delay before looking again at a tenant another node holds.</summary>
    public TimeSpan RecheckDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Live earnings after each batch (<c>LiveEarningsConsumer</c>, <c>EarningsChanged</c> pushes); false skips them.</summary>
    public bool LiveEarnings { get; set; } = true;

    /// <summary>Least time between two live-earnings recalculations of a participant holding many credits (a roll-up manager).</summary>
    public TimeSpan EarningsInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Participants holding fewer credits than this in the month are recalculated at every update.</summary>
    public int EarningsImmediateBelow { get; set; } = 500;

    /// <summary>
    /// Share of one core that the recalculations of one paced participant may take: a recalculation that took
    /// <c>t</c> waits at least <c>t / EarningsCpuShare</c> before the next (and never less than
    /// <see cref="EarningsInterval"/>). With 0.005, a recalculation that took 10 ms (a company-wide manager holding
    /// 85,000 credits, `./spm bench comp` on two quiet cores: 8-10 ms; 37 ms in a busy hour) waits 2 s; a 1 ms one
    /// waits the interval. The share,
    /// not the engine's speed, sets the CPU pacing takes from <c>recordSales</c>: a faster recalculation runs more often
    /// in the same share. (0.02 and 0.005 were each run through `./spm bench comp live`, but never side by side in one
    /// run, so what the smaller share saves on the p99 is not measured apart.)
    /// </summary>
    public double EarningsCpuShare { get; set; } = 0.005;

    /// <summary>
    /// Live earnings run on threads of their own at this Linux nice value (1 to 19; 0 runs them on the dispatcher's
    /// threads at normal priority): the recalculations then take only the CPU that requests leave, and a small machine
    /// records the next sale first. Other platforms run the threads at normal priority.
    /// </summary>
    public int EarningsNiceness { get; set; } = 10;

    /// <summary>False stops the background service (one-off tools, or nodes that should only serve reads).</summary>
    public bool Enabled { get; set; } = true;
}
