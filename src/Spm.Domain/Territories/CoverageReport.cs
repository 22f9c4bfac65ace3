namespace Spm.Domain.Territories;

/// <summary>Gaps (accounts no territory covers) and overlaps (accounts two territories claim); overridden accounts are settled and not reported.</summary>
public sealed record CoverageReport(IReadOnlyList<Guid> Unassigned, IReadOnlyList<CoverageOverlap> Overlaps);
