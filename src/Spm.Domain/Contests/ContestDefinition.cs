using Spm.Domain.Live;

namespace Spm.Domain.Contests;

/// <summary>
/// What an admin sets when creating or editing a contest. Validated by <see cref="Contest"/>; field names in errors are
/// these property names in camelCase.
/// </summary>
public sealed record ContestDefinition(
    string Key,
    string Title,
    ContestFormat Format,
    LiveMetric Metric,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    decimal? Goal,
    DateOnly? BaselineStart,
    DateOnly? BaselineEnd,
    ContestScope Scope,
    Guid? ScopeTeamId,
    IReadOnlyList<Guid> ParticipantIds,
    IReadOnlyList<Guid> TeamIds,
    IReadOnlyList<ContestPair> Pairs,
    IReadOnlyList<string> Prizes,
    bool Hidden,
    IReadOnlyList<ContestCashPrize>? CashPrizes = null);
