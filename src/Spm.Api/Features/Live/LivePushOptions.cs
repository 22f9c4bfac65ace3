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
    /// SignalR backplane channel prefix, so several apps (or test runs) can share one Redis; defaults to the Redis key
    /// prefix plus "signalr".
    /// </summary>
    public string? ChannelPrefix { get; set; }
}
