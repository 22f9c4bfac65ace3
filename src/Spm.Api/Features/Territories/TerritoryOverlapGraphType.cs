using GraphQL.Types;
using Spm.Api.Features.Accounts;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>One double claim.</summary>
public sealed class TerritoryOverlapGraphType : ObjectGraphType<(CoverageOverlap Overlap, DateOnly AsOf)>
{
    public TerritoryOverlapGraphType()
    {
        Name = "TerritoryOverlap";
        Description = "An account that the rules of more than one territory at the same level match. The first in rule order wins it; the others may be a design mistake.";
        Field<NonNullGraphType<AccountGraphType>>("account").Description("The account.")
            .Resolve(c => c.RequestServices!.GetRequiredService<AccountDataLoaders>().AccountById.LoadAsync(c.Source.Overlap.AccountId));
        Field<NonNullGraphType<IntGraphType>>("level").Description("Depth of the level, 0 = top.").Resolve(c => c.Source.Overlap.Level);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TerritoryGraphType>>>>("territories").Description("The claiming territories, in rule order.")
            .ResolveAsync(async c =>
            {
                var snapshot = await TerritoryReads.SnapshotAsync(c, c.Source.AsOf);
                return c.Source.Overlap.TerritoryIds.Select(id => new TerritoryView(snapshot.ById[id], c.Source.AsOf)).ToList();
            });
    }
}
