namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>One write of the fan-out: add (or, for attainment, set) <see cref="Value"/> to <see cref="Subject"/> on one board window.</summary>
public sealed record LeaderboardOperation(LeaderboardDefinition Board, WindowRange Window, Guid Subject, decimal Value, bool Absolute);
