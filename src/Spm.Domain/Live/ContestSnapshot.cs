namespace Spm.Domain.Live;

/// <summary>A contest as a screen shows it: status, schedule (for the countdown), goal, prizes by place and standings.</summary>
public sealed record ContestSnapshot(
    Guid TenantId,
    string ContestKey,
    string Title,
    string Format,
    ContestStatus Status,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    decimal? Goal,
    IReadOnlyList<string> Prizes,
    IReadOnlyList<ContestStanding> Standings,
    DateTimeOffset AsOf);
