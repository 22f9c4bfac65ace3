namespace Spm.Api.Features.Live;

/// <summary>
/// One push as it crosses nodes on the Redis fan-out channel, for GraphQL subscribers: what happened, to which
/// tenant, for which board, contest, participant or team (<see cref="Key"/>), and the payload the hub sends too
/// (a LeaderboardSnapshot, ContestSnapshot, AttainmentChanged or SaleCelebration, by <see cref="Kind"/>).
/// </summary>
public sealed record LiveMessage(LiveMessageKind Kind, Guid TenantId, string Key, object Payload);
