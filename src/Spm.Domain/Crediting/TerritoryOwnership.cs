namespace Spm.Domain.Crediting;

/// <summary>
/// Who covered an account's territory on a date: primaries with their splits (summing to at most 100; a
/// shortfall is a vacant seat and stays uncredited) and overlay specialists with their roles.
/// </summary>
public sealed record TerritoryOwnership(
    Guid TerritoryId,
    string TerritoryName,
    IReadOnlyList<TerritoryShare> Primaries,
    IReadOnlyList<OverlayAssignment> Overlays);
