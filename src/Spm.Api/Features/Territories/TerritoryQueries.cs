using GraphQL;
using GraphQL.Types;
using Spm.Api.Auth;
using Spm.Api.Features.Accounts;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>Root fields over territories: the tree, coverage, balance and resolution.</summary>
public static class TerritoryQueries
{
    public static void Register(ObjectGraphType query, NodeRegistry nodes)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(nodes);
        nodes.Add(TerritoryGraphType.TypeName, Capability.ReadPlanning, (s, id) => new TaskResult<TerritoryView?>(NodeAsync(s, id)));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TerritoryGraphType>>>>("territories")
            .Requires(Capability.ReadPlanning)
            .Description("The top-level territories in force on `asOf`, in rule order; walk `children` for the tree (they are seen on the same date).")
            .Argument<CalendarDateGraphType>("asOf", "The date; today (UTC) when omitted.")
            .ResolveAsync(async c =>
            {
                var asOf = TerritoryReads.AsOf(c);
                var snapshot = await TerritoryReads.SnapshotAsync(c, asOf);
                return snapshot.Hierarchy.EffectiveChildren(null, asOf).Select(t => new TerritoryView(snapshot.ById[t.Id], asOf)).ToList();
            });

        query.Field<TerritoryGraphType>("territory")
            .Requires(Capability.ReadPlanning)
            .Description("One territory by global id, seen on `asOf` (whether or not it is in force then); null when not found.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global id of the territory.")
            .Argument<CalendarDateGraphType>("asOf", "The date; today (UTC) when omitted.")
            .ResolveAsync(async c =>
            {
                if (GlobalId.TryDecode(c.GetArgument<string>("id"), TerritoryGraphType.TypeName) is not { } id)
                {
                    return null;
                }

                var asOf = TerritoryReads.AsOf(c);
                var snapshot = await TerritoryReads.SnapshotAsync(c, asOf);
                return snapshot.ById.TryGetValue(id, out var territory) ? new TerritoryView(territory, asOf) : null;
            });

        query.Field<NonNullGraphType<TerritoryCoverageGraphType>>("territoryCoverage")
            .Requires(Capability.ReadPlanning)
            .Description("Checks the territory design on `asOf`: accounts matched by no territory, and accounts matched by two territories at one level.")
            .Argument<CalendarDateGraphType>("asOf", "The date; today (UTC) when omitted.")
            .Argument<IntGraphType>("level", "Only report overlaps at this depth (0 = top level); every level when omitted.")
            .ResolveAsync(async c =>
            {
                var asOf = TerritoryReads.AsOf(c);
                var level = c.GetArgument<int?>("level");
                var membership = await TerritoryReads.MembershipAsync(c, asOf);
                var report = TerritoryCoverage.Check(membership.Snapshot.Resolver, membership.Accounts);
                return new TerritoryCoverageResult(asOf, level, report.Unassigned, level is { } l ? [.. report.Overlaps.Where(o => o.Level == l)] : report.Overlaps);
            });

        query.Field<NonNullGraphType<TerritoryBalanceGraphType>>("territoryBalance")
            .Requires(Capability.ReadPlanning)
            .Description("Balance of the children of `parentId` (the top level when omitted) on `asOf`: each child's metrics and the coefficient of variation per metric.")
            .Argument<IdGraphType>("parentId", "The parent territory; the top level when omitted.")
            .Argument<CalendarDateGraphType>("asOf", "The date; today (UTC) when omitted.")
            .ResolveAsync(async c =>
            {
                var asOf = TerritoryReads.AsOf(c);
                var membership = await TerritoryReads.MembershipAsync(c, asOf);
                Guid? parentId = null;
                if (c.GetArgument<string?>("parentId") is { } parentGlobalId)
                {
                    parentId = GlobalId.TryDecode(parentGlobalId, TerritoryGraphType.TypeName) is { } id && membership.Snapshot.ById.ContainsKey(id)
                        ? id
                        : throw new ExecutionError("`parentId` is not a territory of this tenant.") { Code = "NOT_FOUND" };
                }

                var children = membership.Snapshot.Hierarchy.EffectiveChildren(parentId, asOf).Select(t => membership.LoadOf(t.Id)).ToList();
                var indexes = Enum.GetValues<BalanceMetric>()
                    .Select(m => (m, BalanceStatistics.CoefficientOfVariation(children.Select(l => l.Value(m)).ToArray())))
                    .ToList();
                return new TerritoryBalanceResult(parentId, asOf, children, children.Count >= 2 ? indexes : [.. indexes.Select(i => (i.m, 0m))]);
            });

        query.Field<TerritoryResolutionGraphType>("resolveTerritory")
            .Requires(Capability.ReadPlanning)
            .Description("Which territory, and which participants, own an account on a date: the question crediting asks for every sale. Null when the account does not exist.")
            .Argument<NonNullGraphType<IdGraphType>>("accountId", "Global id of the account.")
            .Argument<CalendarDateGraphType>("date", "The date; today (UTC) when omitted.")
            .ResolveAsync(async c =>
            {
                if (GlobalId.TryDecode(c.GetArgument<string>("accountId"), AccountGraphType.TypeName) is not { } accountId)
                {
                    return null;
                }

                var date = TerritoryReads.AsOf(c, "date");
                var tenant = c.RequestServices!.GetRequiredService<Caller>().RequireTenant();
                var ownership = await c.RequestServices!.GetRequiredService<ITerritoryOwnership>().ResolveAsync(tenant, accountId, date, c.CancellationToken);
                return ownership is null ? null : (object)(ownership, date);
            });

        RebalanceQueries.Register(query, nodes);
    }

    private static async Task<TerritoryView?> NodeAsync(IServiceProvider services, Guid id)
    {
        var tenant = services.GetRequiredService<Caller>().TenantId;
        if (tenant is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var snapshot = await services.GetRequiredService<ITerritoryOwnership>().SnapshotAsync(tenant.Value, today, CancellationToken.None);
        return snapshot.ById.TryGetValue(id, out var territory) ? new TerritoryView(territory, today) : null;
    }
}
