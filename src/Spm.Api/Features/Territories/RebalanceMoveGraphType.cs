using GraphQL.Types;
using Spm.Api.Features.Accounts;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>One proposed move.</summary>
public sealed class RebalanceMoveGraphType : ObjectGraphType<(RebalanceView.Move Move, DateOnly AsOf)>
{
    public RebalanceMoveGraphType()
    {
        Name = "RebalanceMove";
        Description = "One account, or every account of one postal code, moving between sibling territories.";
        Field<NonNullGraphType<StringGraphType>>("unitKey").Description("What moves: an account id, or `postalCode@territoryId` for a postal-code group.").Resolve(c => c.Source.Move.UnitKey);
        Field<NonNullGraphType<TerritoryGraphType>>("from").Description("Where the accounts are now.")
            .ResolveAsync(async c => new TerritoryView((await TerritoryReads.SnapshotAsync(c, c.Source.AsOf)).ById[c.Source.Move.From], c.Source.AsOf));
        Field<NonNullGraphType<TerritoryGraphType>>("to").Description("Where they would go.")
            .ResolveAsync(async c => new TerritoryView((await TerritoryReads.SnapshotAsync(c, c.Source.AsOf)).ById[c.Source.Move.To], c.Source.AsOf));
        Field<NonNullGraphType<DecimalStringGraphType>>("potential").Description("Potential that moves.").Resolve(c => c.Source.Move.Potential);
        Field<NonNullGraphType<IntGraphType>>("accountCount").Description("Accounts that move.").Resolve(c => c.Source.Move.AccountCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccountGraphType>>>>("accounts").Description("The accounts that move.")
            .Resolve(c =>
            {
                var loader = c.RequestServices!.GetRequiredService<AccountDataLoaders>().AccountById;
                return c.Source.Move.AccountIds.Select(id => loader.LoadAsync(id)).ToList();
            });
    }
}
