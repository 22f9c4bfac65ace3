using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Domain.Common;
using Spm.Domain.Territories;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Territories;

/// <summary>
/// proposeRebalance runs the deterministic <see cref="Rebalancer"/> on the current membership of a parent's children
/// and stores the result; applyRebalance turns its moves into include overrides, refusing a proposal whose membership
/// changed in between (its fingerprint no longer matches).
/// </summary>
public static class RebalanceMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<ProposeRebalancePayloadGraphType>>("proposeRebalance")
            .Requires(Capability.WritePlanning)
            .Description("Proposes moves between the children of a territory that even out potential and account count, preferring to leave accounts where they are. Stores the proposal; changes no territory.")
            .Argument<NonNullGraphType<ProposeRebalanceInputGraphType>>("input", "Which siblings and how.")
            .ResolveAsync(async c => await PlanningMutation.RunAsync(c, (db, audit) => ProposeAsync(c, db, audit), e => new RebalancePayload(null, e)));
        mutation.Field<NonNullGraphType<ApplyRebalancePayloadGraphType>>("applyRebalance")
            .Requires(Capability.WritePlanning)
            .Description("Applies a pending proposal by writing include overrides for every moved account. Refused when the membership of the siblings changed since the proposal (propose again).")
            .Argument<NonNullGraphType<ApplyRebalanceInputGraphType>>("input", "The proposal.")
            .ResolveAsync(async c => await PlanningMutation.RunAsync(c, (db, audit) => ApplyAsync(c, db, audit), e => new RebalancePayload(null, e)));
    }

    /// <summary>The accounts under each sibling on the date, as the rebalancer sees them.</summary>
    public static (IReadOnlyList<Guid> Siblings, IReadOnlyList<RebalanceAccount> Accounts) Book(TerritoryMembership membership, Guid parentId)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var snapshot = membership.Snapshot;
        var siblings = snapshot.Hierarchy.EffectiveChildren(parentId, snapshot.AsOf).Select(t => t.Id).ToList();
        var depth = snapshot.Hierarchy.PathTo(parentId).Count;
        var accounts = new List<RebalanceAccount>();
        foreach (var i in membership.MembersOf(parentId))
        {
            var path = membership.Assignments[i].Path;
            if (path.Count > depth)
            {
                var account = membership.Accounts[i];
                accounts.Add(new RebalanceAccount(account.AccountId, path[depth], account.PostalCode, account.Potential));
            }
        }

        // Input order decides ties, so fix it (by account id) independently of how accounts were loaded.
        accounts.Sort((a, b) => UuidOrder.Instance.Compare(a.AccountId, b.AccountId));
        return (siblings, accounts);
    }

    /// <summary>A digest of which account sits in which sibling: equal digests mean the proposal still describes reality.</summary>
    public static string Fingerprint(IReadOnlyList<RebalanceAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var text = new StringBuilder();
        foreach (var a in accounts)
        {
            text.Append(a.AccountId.ToString("N")).Append('>').Append(a.TerritoryId.ToString("N")).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static async Task<RebalancePayload> ProposeAsync(IResolveFieldContext c, SpmDbContext db, AuditTrail audit)
    {
        var input = InputReader.Of(c.GetArgument<Dictionary<string, object?>>("input"));
        var services = c.RequestServices!;
        var tenant = services.GetRequiredService<Caller>().RequireTenant();
        var clock = services.GetRequiredService<TimeProvider>();
        var asOf = input.Date("asOf") ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var parentId = input.Id("parentId", TerritoryGraphType.TypeName);
        var membership = await services.GetRequiredService<ITerritoryOwnership>().MembershipAsync(tenant, asOf, c.CancellationToken);
        if (!membership.Snapshot.ById.ContainsKey(parentId))
        {
            throw new DomainException("NOT_FOUND", "No such territory.", input.Field("parentId"));
        }

        var settings = new RebalanceView.Settings(
            input.Raw("byPostalCode") is true,
            input.Number("potentialWeight") ?? 1m,
            input.Number("workloadWeight") ?? 1m,
            input.Number("minimumGain") ?? 0.0001m,
            input.WholeNumber("maxMoves") ?? 1000);
        var (siblings, accounts) = Book(membership, parentId);
        if (siblings.Count < 2)
        {
            throw new DomainException("TERRITORY_REBALANCE_SIBLINGS", $"'{membership.Snapshot.ById[parentId].Name}' has {siblings.Count} child territories in force on {asOf:yyyy-MM-dd}; rebalancing needs at least two.", input.Field("parentId"));
        }

        var units = settings.ByPostalCode ? Rebalancer.UnitsByPostalCode(accounts) : Rebalancer.UnitsByAccount(accounts);
        var proposal = Rebalancer.Propose(siblings, units, new RebalanceOptions(settings.PotentialWeight, settings.WorkloadWeight, settings.MinimumGain, settings.MaxMoves));
        var byKey = units.ToDictionary(u => u.Key, StringComparer.Ordinal);
        var moves = proposal.Moves.Select(m => new RebalanceView.Move(m.UnitKey, m.From, m.To, m.Potential, m.AccountCount, byKey[m.UnitKey].AccountIds)).ToArray();
        var stored = new TerritoryRebalance(
            Guid.CreateVersion7(),
            tenant,
            parentId,
            asOf,
            JsonSerializer.Serialize(settings, RebalanceView.Json),
            JsonSerializer.Serialize(moves, RebalanceView.Json),
            JsonSerializer.Serialize(proposal.Balance, RebalanceView.Json),
            Fingerprint(accounts),
            clock.GetUtcNow(),
            services.GetRequiredService<Caller>().Subject);
        db.TerritoryRebalances.Add(stored);
        audit.Record(db, "territory.rebalance.propose", "RebalanceProposal", stored.Id.ToString(), null, new { stored.ParentId, stored.AsOf, settings, Moves = moves.Length, proposal.Balance });
        await db.SaveChangesAsync(c.CancellationToken);
        return new RebalancePayload(RebalanceView.Of(stored), []);
    }

    private static async Task<RebalancePayload> ApplyAsync(IResolveFieldContext c, SpmDbContext db, AuditTrail audit)
    {
        var input = InputReader.Of(c.GetArgument<Dictionary<string, object?>>("input"));
        var services = c.RequestServices!;
        var tenant = services.GetRequiredService<Caller>().RequireTenant();
        var clock = services.GetRequiredService<TimeProvider>();
        var id = input.Id("proposalId", RebalanceProposalGraphType.TypeName);

        // Serialise applies per tenant: two applies racing could both pass the fingerprint check.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('territory_rebalance:' || {tenant.ToString()}))", c.CancellationToken);
        var stored = await db.TerritoryRebalances.SingleOrDefaultAsync(p => p.Id == id, c.CancellationToken)
            ?? throw new DomainException("NOT_FOUND", "No such proposal.", input.Field("proposalId"));
        if (stored.AppliedAt is not null)
        {
            throw new DomainException("REBALANCE_APPLIED", $"The proposal was already applied at {stored.AppliedAt:u}.", input.Field("proposalId"));
        }

        var membership = await services.GetRequiredService<ITerritoryOwnership>().MembershipAsync(tenant, stored.AsOf, c.CancellationToken);
        if (!membership.Snapshot.ById.ContainsKey(stored.ParentId) || Fingerprint(Book(membership, stored.ParentId).Accounts) != stored.Fingerprint)
        {
            throw new DomainException("REBALANCE_STALE", "Accounts or territories under the parent changed since this proposal was made; propose again.", input.Field("proposalId"));
        }

        var view = RebalanceView.Of(stored);
        var moved = view.Moves.SelectMany(m => m.AccountIds.Select(a => (Account: a, m.To))).ToList();
        var accountIds = moved.Select(m => m.Account).ToArray();
        var existing = await db.TerritoryOverrides.Where(o => accountIds.Contains(o.AccountId)).ToListAsync(c.CancellationToken);

        // The account's include moves to the destination; an exclude on the destination would contradict it.
        foreach (var (account, to) in moved)
        {
            db.TerritoryOverrides.RemoveRange(existing.Where(o => o.AccountId == account && (o.Kind == OverrideKind.Include || o.TerritoryId == to)));
            db.TerritoryOverrides.Add(new TerritoryOverride(Guid.CreateVersion7(), tenant, to, account, OverrideKind.Include));
        }

        stored.MarkApplied(clock.GetUtcNow());
        audit.Record(
            db,
            "territory.rebalance.apply",
            "RebalanceProposal",
            stored.Id.ToString(),
            new { Overrides = existing.Select(o => new { o.AccountId, o.TerritoryId, Kind = o.Kind.ToString() }) },
            new { Includes = moved.Select(m => new { AccountId = m.Account, TerritoryId = m.To }) });
        await db.SaveChangesAsync(c.CancellationToken);
        return new RebalancePayload(view with { Proposal = stored }, []);
    }
}
