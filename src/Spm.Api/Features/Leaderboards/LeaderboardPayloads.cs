using Spm.Api.Graph;
using Spm.Infrastructure.Live.Leaderboards;

namespace Spm.Api.Features.Leaderboards;

/// <summary>Result of creating or updating a leaderboard.</summary>
public sealed record LeaderboardPayload(LeaderboardDefinition? Leaderboard, IReadOnlyList<UserError> Errors);

/// <summary>Result of deleting a leaderboard.</summary>
public sealed record DeleteLeaderboardPayload(string? Key, IReadOnlyList<UserError> Errors);

/// <summary>Result of rebuilding the leaderboards.</summary>
public sealed record RebuildLeaderboardsPayload(int Boards, IReadOnlyList<UserError> Errors);
