using Spm.Domain.Live;

namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>Rows of one board window as read: the window, entrant count, rows with dense ranks, and whether it came from PostgreSQL.</summary>
public sealed record LeaderboardStandings(LeaderboardDefinition Board, WindowRange Window, int Entrants, IReadOnlyList<LeaderboardEntry> Entries, DateTimeOffset AsOf, bool Degraded);
