namespace Spm.Api.Features.Live;

/// <summary>Tuning of the push side (configuration section <c>Spm:Live</c>).</summary>
public sealed class LivePushOptions
{
    /// <summary>Entries of a board or contest sent in each push and returned on subscribe.</summary>
    public int Top { get; set; } = 10;

    /// <summary>
    /// Least time between two pushes of one board. The first change after a quiet spell goes out at once; changes
    /// within the interval are coalesced into one push at its end (latest wins), so a burst of deals does not flood screens.
    /// </summary>
    public TimeSpan BoardInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Least time between two celebration pushes of one tenant to hub clients. The first deal after a quiet spell goes
    /// out at once; deals within the interval go out together at its end, as one celebration of the largest deal that
    /// carries the others (<see cref="Spm.Domain.Live.SaleCelebration.AlsoLanded"/>). GraphQL subscribers get every deal.
    /// </summary>
    public TimeSpan CelebrationInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Most other deals listed in one celebration push; the rest are only counted.</summary>
    public int CelebrationsListed { get; set; } = 5;

    /// <summary>
    /// SignalR backplane channel prefix, so several apps (or test runs) can share one Redis; defaults to the Redis key
    /// prefix plus "signalr".
    /// </summary>
    public string? ChannelPrefix { get; set; }
}
