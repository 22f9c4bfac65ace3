namespace Spm.Api.Features.Live;

/// <summary>The kinds of push; one per <see cref="ILiveClient"/> method. Sent by name on the fan-out channel.</summary>
public enum LiveMessageKind
{
    /// <summary><see cref="ILiveClient.LeaderboardChanged"/>; key: the board key.</summary>
    LeaderboardChanged = 1,

    /// <summary><see cref="ILiveClient.ContestChanged"/>; key: the contest key.</summary>
    ContestChanged = 2,

    /// <summary><see cref="ILiveClient.AttainmentChanged"/>; key: "participant:UUID" or "team:UUID".</summary>
    AttainmentChanged = 3,

    /// <summary><see cref="ILiveClient.SaleCelebrated"/>; key: empty (the whole tenant).</summary>
    SaleCelebrated = 4,

    /// <summary><see cref="ILiveClient.ContestStarted"/>; key: the contest key.</summary>
    ContestStarted = 5,

    /// <summary><see cref="ILiveClient.ContestEnded"/>; key: the contest key.</summary>
    ContestEnded = 6,

    /// <summary><see cref="ILiveClient.EarningsChanged"/>; key: the participant's UUID ("N" format).</summary>
    EarningsChanged = 7,

    /// <summary><see cref="ILiveClient.DisputeChanged"/>; key: the disputing participant's UUID ("N" format).</summary>
    DisputeChanged = 8,
}
