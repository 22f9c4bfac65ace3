using GraphQL;
using GraphQL.Types;
using Spm.Api.Features.Accounts;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>Holes and double claims.</summary>
public sealed class TerritoryCoverageGraphType : ObjectGraphType<TerritoryCoverageResult>
{
    public const int MaxListed = 1000;

    public TerritoryCoverageGraphType()
    {
        Name = "TerritoryCoverage";
        Description = "Accounts no territory covers, and accounts the rules of two territories at one level both claim. Accounts placed by an include override are settled and not reported.";
        Field<NonNullGraphType<CalendarDateGraphType>>("asOf").Description("The date checked.").Resolve(c => c.Source.AsOf);
        Field<IntGraphType>("level").Description("The level whose overlaps are reported (0 = top); null for every level.").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<IntGraphType>>("unmatchedCount").Description("How many accounts no territory covers.").Resolve(c => c.Source.Unmatched.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccountGraphType>>>>("unmatchedAccounts")
            .Description($"The first `first` uncovered accounts (at most {MaxListed}).")
            .Argument<IntGraphType>("first", $"How many to list, 1 to {MaxListed} (default 100).")
            .Resolve(c =>
            {
                var loader = c.RequestServices!.GetRequiredService<AccountDataLoaders>().AccountById;
                return c.Source.Unmatched.Take(Limit(c)).Select(id => loader.LoadAsync(id)).ToList();
            });
        Field<NonNullGraphType<IntGraphType>>("overlapCount").Description("How many (account, level) double claims there are.").Resolve(c => c.Source.Overlaps.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TerritoryOverlapGraphType>>>>("overlaps")
            .Description($"The first `first` double claims (at most {MaxListed}).")
            .Argument<IntGraphType>("first", $"How many to list, 1 to {MaxListed} (default 100).")
            .Resolve(c => c.Source.Overlaps.Take(Limit(c)).Select(o => (o, c.Source.AsOf)).ToList());
    }

    private static int Limit(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? 100;
        return first is >= 1 and <= MaxListed
            ? first
            : throw new ExecutionError($"`first` must be between 1 and {MaxListed}; it was {first}.") { Code = "INVALID_ARGUMENT" };
    }
}
