using GraphQL.Types;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>One sibling and its metrics.</summary>
public sealed class TerritoryBalanceChildGraphType : ObjectGraphType<(TerritoryLoad Load, DateOnly AsOf)>
{
    public TerritoryBalanceChildGraphType()
    {
        Name = "TerritoryBalanceChild";
        Description = "One child territory with its metrics.";
        Field<NonNullGraphType<TerritoryGraphType>>("territory").Description("The child territory.")
            .ResolveAsync(async c => new TerritoryView((await TerritoryReads.SnapshotAsync(c, c.Source.AsOf)).ById[c.Source.Load.TerritoryId], c.Source.AsOf));
        Field<NonNullGraphType<TerritoryMetricsGraphType>>("metrics").Description("Its metrics, descendants included.").Resolve(c => c.Source.Load);
    }
}
