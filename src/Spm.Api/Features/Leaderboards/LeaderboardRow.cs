using Spm.Domain.Live;

namespace Spm.Api.Features.Leaderboards;

/// <summary>An entry with the Relay type of its subject ("Participant" or "Team"), for its global id.</summary>
public sealed record LeaderboardRow(LeaderboardEntry Entry, string SubjectType);
