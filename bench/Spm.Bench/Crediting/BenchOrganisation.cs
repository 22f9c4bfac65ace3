using Spm.Domain.Crediting;

namespace Spm.Bench.Crediting;

/// <summary>
/// A synthetic sales organisation held in dictionaries, the way the API will cache one per tenant: one VP,
/// directors, managers and reps (chains of three above every rep), territories with one owner each.
/// </summary>
internal sealed class BenchOrganisation : IParticipantDirectory, IManagerChainLookup, ITerritoryOwnershipLookup
{
    private readonly Dictionary<Guid, CreditParticipant> people = [];
    private readonly Dictionary<Guid, Guid[]> chains = [];
    private readonly Dictionary<Guid, TerritoryOwnership> territories = [];

    public BenchOrganisation(Random random, int directors, int managersPerDirector, int repsPerManager, int accounts)
    {
        var vp = Add("VP", "USD");
        chains[vp] = [];
        var reps = new List<Guid>();
        for (var d = 0; d < directors; d++)
        {
            var director = Add($"Director {d}", "USD");
            chains[director] = [vp];
            for (var m = 0; m < managersPerDirector; m++)
            {
                var manager = Add($"Manager {d}.{m}", d % 3 == 0 ? "EUR" : "USD");
                chains[manager] = [director, vp];
                for (var r = 0; r < repsPerManager; r++)
                {
                    var rep = Add($"Rep {d}.{m}.{r}", (r % 4) switch { 0 => "EUR", 1 => "GBP", _ => "USD" });
                    chains[rep] = [manager, director, vp];
                    reps.Add(rep);
                }
            }
        }

        Reps = [.. reps];
        Accounts = new Guid[accounts];
        for (var a = 0; a < accounts; a++)
        {
            Accounts[a] = Guid.NewGuid();
            var owner = Reps[random.Next(Reps.Length)];
            territories[Accounts[a]] = new TerritoryOwnership(Guid.NewGuid(), $"Territory {a}", [new TerritoryShare(owner, 100m)], []);
        }
    }

    public Guid[] Reps { get; }

    public Guid[] Accounts { get; }

    public CreditParticipant? Find(Guid participantId) => people.GetValueOrDefault(participantId);

    public IReadOnlyList<Guid> ManagersAbove(Guid participantId, DateOnly onDate) => chains[participantId];

    public TerritoryOwnership? Find(Guid accountId, DateOnly onDate) => territories.GetValueOrDefault(accountId);

    /// <summary>The rep's team-mate next along (same manager), for two-way splits.</summary>
    public Guid TeamMate(int repIndex, int repsPerManager) =>
        Reps[(repIndex / repsPerManager * repsPerManager) + ((repIndex + 1) % repsPerManager)];

    private Guid Add(string name, string payCurrency)
    {
        var id = Guid.NewGuid();
        people[id] = new CreditParticipant(id, name, payCurrency);
        return id;
    }
}
