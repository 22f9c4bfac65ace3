namespace Spm.Domain.Live;

/// <summary>
/// Scores on a board or contest moved. The push layer coalesces these per board (latest wins) and reads the
/// snapshot itself, so a burst of deals becomes a few pushes per second rather than one per deal.
/// </summary>
public sealed record BoardChange(Guid TenantId, string BoardKey, BoardKind Kind, IReadOnlyList<Guid> ChangedSubjects);
