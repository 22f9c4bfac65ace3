using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>A coverage check on one date, optionally narrowed to the overlaps of one level.</summary>
public sealed record TerritoryCoverageResult(DateOnly AsOf, int? Level, IReadOnlyList<Guid> Unmatched, IReadOnlyList<CoverageOverlap> Overlaps);
