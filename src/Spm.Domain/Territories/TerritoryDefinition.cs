namespace Spm.Domain.Territories;

/// <summary>
/// A node of the territory hierarchy (region, area, territory: any depth).
/// </summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Display name, also used in error messages.</param>
/// <param name="ParentId">The enclosing area or region; null for a top-level node.</param>
/// <param name="Priority">Order among siblings; lower first. Ties are broken by id so resolution never depends on input order.</param>
/// <param name="EffectiveFrom">First day the territory is in force.</param>
/// <param name="EffectiveTo">Last day the territory is in force (inclusive); null means open-ended.</param>
/// <param name="Rule">
/// Accounts the node covers, on top of its ancestors' rules. Null on a parent means "whatever its children cover";
/// null on a leaf means it covers nothing by rule (only explicit overrides).
/// </param>
public sealed record TerritoryDefinition(
    Guid Id,
    string Name,
    Guid? ParentId,
    int Priority,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    RuleExpression? Rule);
