namespace Spm.Domain.Quotas;

/// <summary>Who changes quotas, when and why; stamped on every history row of one operation.</summary>
/// <param name="NewId">Id source for new rows (v7 from the clock in the API; seeded in the demo).</param>
public sealed record QuotaActor(string Name, Guid? ParticipantId, DateTimeOffset At, string? Reason, Func<Guid> NewId);
