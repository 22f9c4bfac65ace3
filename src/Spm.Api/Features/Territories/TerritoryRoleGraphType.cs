using Spm.Api.Graph;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>Primary or overlay.</summary>
public sealed class TerritoryRoleGraphType() : DescribedEnumGraphType<TerritoryRole>(
    "TerritoryRole",
    "How a participant covers a territory.",
    new Dictionary<TerritoryRole, string>
    {
        [TerritoryRole.Primary] = "Owns the territory's accounts; primary splits in force on one day add up to at most 100 %.",
        [TerritoryRole.Overlay] = "A specialist credited alongside the primary owners (product or industry overlay).",
    });
