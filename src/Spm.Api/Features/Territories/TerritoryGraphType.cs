using GraphQL;
using GraphQL.Types;
using Spm.Api.Features.Accounts;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>A territory on a date.</summary>
public sealed class TerritoryGraphType : ObjectGraphType<TerritoryView>
{
    public const string TypeName = "Territory";

    public TerritoryGraphType()
    {
        Name = TypeName;
        Description = "A node of the territory hierarchy (region > area > territory, any depth), seen on a date: its children, accounts and metrics are those of that date.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is TerritoryView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Territory.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Description("Territory name.").Resolve(c => c.Source.Territory.Name);
        Field<NonNullGraphType<StringGraphType>>("level").Description("Level name: `region`, `area`, `territory` or the tenant's own.").Resolve(c => c.Source.Territory.Level);
        Field<NonNullGraphType<IntGraphType>>("priority").Description("Order among siblings, lower first: the first sibling whose rules match wins the account.").Resolve(c => c.Source.Territory.Priority);
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveFrom").Description("First day in force.").Resolve(c => c.Source.Territory.EffectiveFrom);
        Field<CalendarDateGraphType>("effectiveTo").Description("Last day in force (inclusive); null while open-ended.").Resolve(c => c.Source.Territory.EffectiveTo);
        Field<NonNullGraphType<CalendarDateGraphType>>("asOf").Description("The date this territory is seen on.").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<BooleanGraphType>>("isEffective").Description("True when it and all its ancestors are in force on `asOf`.")
            .ResolveAsync(async c => (await TerritoryReads.SnapshotAsync(c, c.Source.AsOf)).Hierarchy.IsEffective(c.Source.Territory.Id, c.Source.AsOf));
        Field<TerritoryGraphType>("parent").Description("The enclosing territory; null at the top level.")
            .ResolveAsync(async c => c.Source.Territory.ParentId is { } id ? new TerritoryView((await TerritoryReads.SnapshotAsync(c, c.Source.AsOf)).ById[id], c.Source.AsOf) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TerritoryGraphType>>>>("children").Description("Children in force on `asOf`, in rule order (priority).")
            .ResolveAsync(async c =>
            {
                var snapshot = await TerritoryReads.SnapshotAsync(c, c.Source.AsOf);
                return snapshot.Hierarchy.EffectiveChildren(c.Source.Territory.Id, c.Source.AsOf).Select(t => new TerritoryView(snapshot.ById[t.Id], c.Source.AsOf)).ToList();
            });
        Field<NonNullGraphType<RuleMatchGraphType>>("ruleMatch").Description("How the rules combine.").Resolve(c => c.Source.Territory.RuleMatch);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TerritoryRuleGraphType>>>>("rules")
            .Description("The territory's own rules in order (its ancestors' rules apply too). Empty on a parent means whatever its children cover; on a leaf, only included accounts.")
            .Resolve(c => c.Source.Territory.Rules);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TerritoryOverrideGraphType>>>>("overrides").Description("Accounts explicitly included in or excluded from this territory.")
            .ResolveAsync(async c => (await TerritoryReads.SnapshotAsync(c, c.Source.AsOf)).Overrides.Where(o => o.TerritoryId == c.Source.Territory.Id).OrderBy(o => o.Kind).ThenBy(o => o.AccountId, UuidOrder.Instance).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TerritoryAssignmentGraphType>>>>("assignments")
            .Description("Participants assigned to this territory, primaries first; all dates unless `activeOnly`.")
            .Argument<BooleanGraphType>("activeOnly", "Only assignments in force on `asOf` (default false).")
            .ResolveAsync(async c =>
            {
                var activeOnly = c.GetArgument<bool?>("activeOnly") ?? false;
                var all = (await TerritoryReads.SnapshotAsync(c, c.Source.AsOf)).AssignmentsOf(c.Source.Territory.Id);
                return activeOnly ? all.Where(a => a.IsActiveOn(c.Source.AsOf)).ToList() : all;
            });
        Field<NonNullGraphType<AccountConnectionGraphType>>("accounts")
            .Description("Accounts in this territory or below it on `asOf`, by name.")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"Page size, 1 to {AccountConnectionGraphType.MaxPageSize}.")
            .Argument<StringGraphType>("after", "Return items after this cursor.")
            .ResolveAsync(async c =>
            {
                var (first, after) = AccountPaging.Arguments(c);
                var membership = await TerritoryReads.MembershipAsync(c, c.Source.AsOf);
                return await AccountPaging.FromMembershipAsync(c, membership, membership.MembersOf(c.Source.Territory.Id), first, after, null);
            });
        Field<NonNullGraphType<TerritoryMetricsGraphType>>("metrics").Description("Potential, workload and history of the territory's accounts (descendants included) on `asOf`.")
            .ResolveAsync(async c => (await TerritoryReads.MembershipAsync(c, c.Source.AsOf)).LoadOf(c.Source.Territory.Id));
    }
}
