using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>Balance across siblings.</summary>
public sealed class TerritoryBalanceGraphType : ObjectGraphType<TerritoryBalanceResult>
{
    public TerritoryBalanceGraphType()
    {
        Name = "TerritoryBalance";
        Description = "How comparable the children of one parent are. The balance index is the coefficient of variation (population standard deviation / mean): 0 is perfectly even, 0.4 means a typical sibling is 40 % off the mean.";
        Field<TerritoryGraphType>("parent").Description("The parent; null for the top level.")
            .ResolveAsync(async c => c.Source.ParentId is { } id ? new TerritoryView((await TerritoryReads.SnapshotAsync(c, c.Source.AsOf)).ById[id], c.Source.AsOf) : null);
        Field<NonNullGraphType<CalendarDateGraphType>>("asOf").Description("The date measured.").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TerritoryBalanceChildGraphType>>>>("children").Description("The children in force on `asOf`, in rule order, with their metrics.")
            .Resolve(c => c.Source.Children.Select(l => (l, c.Source.AsOf)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TerritoryBalanceIndexGraphType>>>>("indexes").Description("The balance index of each metric across the children (0 with fewer than two children).")
            .Resolve(c => c.Source.Indexes);
    }
}
