using Spm.Domain.Crediting;
using Spm.Domain.Currency;
using Spm.Domain.Sales;

namespace Spm.Domain.Tests.Crediting;

/// <summary>
/// An in-memory tenant for crediting tests: participants, a manager chain, territories, rates and rules.
/// Participant ids are small numbers (00000000-...-000000000001 and up) so the split table's sort order,
/// which decides who gets a rounding cent, is the order of creation.
/// </summary>
internal sealed class CreditingWorld : IParticipantDirectory, IManagerChainLookup, ITerritoryOwnershipLookup
{
    public static readonly Guid Tenant = new("7e000000-0000-0000-0000-000000000001");
    public static readonly DateOnly Epoch = new(2020, 1, 1);

    private readonly Dictionary<Guid, CreditParticipant> people = [];
    private readonly Dictionary<Guid, Guid> managerOf = [];
    private readonly Dictionary<Guid, TerritoryOwnership> territoryOf = [];
    private readonly List<FxRate> rates = [];
    private readonly List<CreditRule> rules = [];
    private int nextId = 1;

    public CreditingWorld(string reportingCurrency = "USD") => ReportingCurrency = reportingCurrency;

    public string ReportingCurrency { get; }

    public static Guid Id(int n) => new(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);

    public Guid Person(string name, string payCurrency = "USD", Guid? manager = null)
    {
        var id = Id(nextId++);
        people[id] = new CreditParticipant(id, name, payCurrency);
        if (manager is { } m)
        {
            managerOf[id] = m;
        }

        return id;
    }

    public string NameOf(Guid id) => people[id].Name;

    public Guid Territory(Guid account, string name, IReadOnlyList<TerritoryShare> primaries, IReadOnlyList<OverlayAssignment>? overlays = null)
    {
        var id = Guid.NewGuid();
        territoryOf[account] = new TerritoryOwnership(id, name, primaries, overlays ?? []);
        return id;
    }

    public void Rate(string from, string to, decimal rate, DateOnly? effective = null) =>
        rates.Add(new FxRate(Tenant, from, to, rate, effective ?? Epoch));

    public CreditRule Rule(CreditRuleKind kind, int order, DateOnly? from = null, DateOnly? to = null, string[]? products = null, string[]? segments = null, decimal overlayPercent = 100m, string[]? roles = null, string? name = null)
    {
        var rule = new CreditRule(Id(1000 + rules.Count), Tenant, name ?? $"{kind} #{order}", kind, order, from ?? Epoch, to, products, segments, overlayPercent, roles);
        rules.Add(rule);
        return rule;
    }

    public void StandardRules()
    {
        Rule(CreditRuleKind.Direct, 10);
        Rule(CreditRuleKind.Split, 20);
        Rule(CreditRuleKind.Territory, 30);
        Rule(CreditRuleKind.Overlay, 40);
        Rule(CreditRuleKind.Rollup, 50);
    }

    public CreditingEngine Engine(PostingPolicy? posting = null) =>
        new(new CreditRuleSet(Tenant, rules), new FxRateTable(Tenant, ReportingCurrency, rates), this, this, this, posting);

    public static Sale Sale(
        string externalId,
        decimal amount,
        Guid owner,
        string currency = "USD",
        DateOnly? closeDate = null,
        Guid? account = null,
        string? product = null,
        string? segment = null,
        IReadOnlyList<CoSeller>? coSellers = null) =>
        new(Tenant, "crm", externalId, amount, currency, closeDate ?? new DateOnly(2025, 3, 15), account, product, segment, owner, coSellers);

    public CreditParticipant? Find(Guid participantId) => people.GetValueOrDefault(participantId);

    public IReadOnlyList<Guid> ManagersAbove(Guid participantId, DateOnly onDate)
    {
        var chain = new List<Guid>();
        var current = participantId;
        while (managerOf.TryGetValue(current, out var manager) && chain.Count <= CreditingEngine.MaxManagerChainDepth)
        {
            chain.Add(manager);
            current = manager;
        }

        return chain;
    }

    public TerritoryOwnership? Find(Guid accountId, DateOnly onDate) => territoryOf.GetValueOrDefault(accountId);
}
