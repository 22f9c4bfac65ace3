using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>Every account of a tenant resolved on one date, with what balance metrics need of it.</summary>
public sealed class TerritoryMembership
{
    public TerritoryMembership(
        TerritorySnapshot snapshot,
        IReadOnlyList<(AccountAttributes Attributes, string Name)> accounts,
        IReadOnlyDictionary<Guid, decimal>? openPipeline = null,
        IReadOnlyDictionary<Guid, decimal>? lastYearRevenue = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(accounts);
        Snapshot = snapshot;
        // The order of the accounts list (ordinal name, then id as PostgreSQL orders uuids), so cursors agree with it.
        var ordered = accounts.OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Attributes.AccountId, UuidOrder.Instance).ToArray();
        Accounts = [.. ordered.Select(a => a.Attributes)];
        Names = [.. ordered.Select(a => a.Name)];
        Assignments = snapshot.Resolver.ResolveAll(Accounts);
        var byTerritory = new Dictionary<Guid, List<int>>();
        for (var i = 0; i < Assignments.Count; i++)
        {
            foreach (var id in Assignments[i].Path)
            {
                if (!byTerritory.TryGetValue(id, out var list))
                {
                    byTerritory[id] = list = [];
                }

                list.Add(i);
            }
        }

        members = byTerritory;
        index = Accounts.Select((a, i) => (a.AccountId, i)).ToDictionary(x => x.AccountId, x => x.i);
        pipelineByAccount = openPipeline ?? new Dictionary<Guid, decimal>();
        revenueByAccount = lastYearRevenue ?? new Dictionary<Guid, decimal>();
        Loads = [.. Assignments.Where(a => a.TerritoryId is not null).Select(a => Load(a.AccountId))];
        Balance = TerritoryBalance.Measure(snapshot.Hierarchy, snapshot.AsOf, Loads);
        LoadById = Balance.Territories.ToDictionary(l => l.TerritoryId);
    }

    private readonly Dictionary<Guid, List<int>> members;
    private readonly Dictionary<Guid, int> index;
    private readonly IReadOnlyDictionary<Guid, decimal> pipelineByAccount;
    private readonly IReadOnlyDictionary<Guid, decimal> revenueByAccount;

    public TerritorySnapshot Snapshot { get; }

    /// <summary>Accounts ordered by name then id.</summary>
    public IReadOnlyList<AccountAttributes> Accounts { get; }

    /// <summary>Names of <see cref="Accounts"/>, same order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Same order as <see cref="Accounts"/>.</summary>
    public IReadOnlyList<TerritoryAssignment> Assignments { get; }

    public IReadOnlyList<AccountLoad> Loads { get; }

    public BalanceReport Balance { get; }

    public IReadOnlyDictionary<Guid, TerritoryLoad> LoadById { get; }

    /// <summary>Positions (in <see cref="Accounts"/>) of the accounts in a territory or below it.</summary>
    public IReadOnlyList<int> MembersOf(Guid territoryId) => members.TryGetValue(territoryId, out var list) ? list : [];

    public TerritoryAssignment? AssignmentOf(Guid accountId) => index.TryGetValue(accountId, out var i) ? Assignments[i] : null;

    public TerritoryLoad LoadOf(Guid territoryId) => LoadById.TryGetValue(territoryId, out var load) ? load : new TerritoryLoad(territoryId, 0, 0m, 0m, 0m);

    private AccountLoad Load(Guid accountId)
    {
        var account = Accounts[index[accountId]];
        var assignment = Assignments[index[accountId]];
        return new AccountLoad(accountId, assignment.TerritoryId!.Value, account.Potential, pipelineByAccount.GetValueOrDefault(accountId), revenueByAccount.GetValueOrDefault(accountId));
    }
}
