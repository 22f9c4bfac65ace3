using Spm.Api.Graph;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>Include or exclude.</summary>
public sealed class OverrideKindGraphType() : DescribedEnumGraphType<OverrideKind>(
    "TerritoryOverrideKind",
    "An explicit exception to the rules for one account.",
    new Dictionary<OverrideKind, string>
    {
        [OverrideKind.Include] = "The account belongs to the territory whatever the rules say (at most one include per account).",
        [OverrideKind.Exclude] = "The rules may not place the account in this territory or below it; it falls to the next matching territory.",
    });
