using GraphQL;
using GraphQL.Types;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>A stored rebalancing proposal.</summary>
public sealed class RebalanceProposalGraphType : ObjectGraphType<RebalanceView>
{
    public const string TypeName = "RebalanceProposal";

    public RebalanceProposalGraphType()
    {
        Name = TypeName;
        Description = "Proposed moves of accounts (or whole postal-code groups) between the children of one territory, with the balance before and after. Nothing changes until `applyRebalance`.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is RebalanceView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id (pass it to `applyRebalance`).").Resolve(c => GlobalId.Encode(TypeName, c.Source.Proposal.Id));
        Field<NonNullGraphType<TerritoryGraphType>>("parent").Description("The territory whose children are rebalanced.")
            .ResolveAsync(async c => new TerritoryView((await TerritoryReads.SnapshotAsync(c, c.Source.Proposal.AsOf)).ById[c.Source.Proposal.ParentId], c.Source.Proposal.AsOf));
        Field<NonNullGraphType<CalendarDateGraphType>>("asOf").Description("The date whose membership was rebalanced.").Resolve(c => c.Source.Proposal.AsOf);
        Field<NonNullGraphType<BooleanGraphType>>("byPostalCode").Description("True when accounts moved in postal-code groups.").Resolve(c => c.Source.Options.ByPostalCode);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("When it was proposed.").Resolve(c => c.Source.Proposal.CreatedAt);
        Field<DateTimeOffsetGraphType>("appliedAt").Description("When it was applied; null while pending.").Resolve(c => c.Source.Proposal.AppliedAt);
        Field<NonNullGraphType<IntGraphType>>("moveCount").Description("Number of moves.").Resolve(c => c.Source.Moves.Count);
        Field<NonNullGraphType<IntGraphType>>("movedAccountCount").Description("Number of accounts that change territory.").Resolve(c => c.Source.Moves.Sum(m => m.AccountCount));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RebalanceMoveGraphType>>>>("moves")
            .Description("The moves in the order the rebalancer chose them (largest gain first).")
            .Argument<IntGraphType>("first", "How many moves to list (default all).")
            .Resolve(c => c.Source.Moves.Take(c.GetArgument<int?>("first") ?? int.MaxValue).Select(m => (m, c.Source.Proposal.AsOf)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RebalanceBalanceGraphType>>>>("balance")
            .Description("Balance index (coefficient of variation) of potential and account count across the children, before and after.")
            .Resolve(c => c.Source.Balance);
    }
}
