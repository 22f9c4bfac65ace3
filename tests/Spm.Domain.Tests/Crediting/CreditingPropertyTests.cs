using FsCheck;
using FsCheck.Xunit;
using Spm.Domain.Common;
using Spm.Domain.Crediting;
using Spm.Domain.Sales;

namespace Spm.Domain.Tests.Crediting;

/// <summary>
/// Invariants over random sales. FsCheck supplies the amounts, weights and a seed; the seed builds the
/// organisation (a random manager forest) so every run is reproducible from the reported arguments.
/// </summary>
public sealed class CreditingPropertyTests
{
    private static readonly DateTimeOffset Now = new(2025, 4, 2, 9, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 300)]
    public void Direct_plus_split_credits_equal_the_sale_amount_to_the_cent(PositiveInt cents, NonEmptyArray<PositiveInt> rawWeights, bool ownerInTable, bool inEuros)
    {
        var world = new CreditingWorld();
        world.Rate("EUR", "USD", 1.0873m);
        var sellers = Enumerable.Range(0, Math.Min(rawWeights.Get.Length, 5)).Select(i => world.Person($"Seller {i}", i % 2 == 0 ? "USD" : "EUR")).ToArray();
        var owner = ownerInTable ? sellers[0] : world.Person("Owner");
        world.Rule(CreditRuleKind.Direct, 10);
        world.Rule(CreditRuleKind.Split, 20);
        var amount = cents.Get / 100m;
        var sale = CreditingWorld.Sale("P-1", amount, owner, inEuros ? "EUR" : "USD", coSellers: Splits(sellers, rawWeights.Get));

        var credits = world.Engine().Credit(CreditingRuleTests.Revision(sale));

        Assert.Equal(amount, credits.Sum(c => c.Amount));
        var reporting = inEuros ? Math.Round(amount * 1.0873m, 2, MidpointRounding.AwayFromZero) : amount;
        Assert.Equal(reporting, credits.Sum(c => c.ReportingAmount));
        Assert.Equal(sellers.Length, credits.Count);
    }

    [Property(MaxTest = 200)]
    public void Territory_credits_sum_to_the_sale_amount_when_primary_splits_sum_to_100(PositiveInt cents, NonEmptyArray<PositiveInt> rawWeights)
    {
        var world = new CreditingWorld();
        var owners = Enumerable.Range(0, Math.Min(rawWeights.Get.Length, 8)).Select(i => world.Person($"Owner {i}")).ToArray();
        var account = Guid.NewGuid();
        world.Territory(account, "T", Splits(owners, rawWeights.Get).Select(s => new TerritoryShare(s.ParticipantId, s.SplitPercent)).ToArray());
        world.Rule(CreditRuleKind.Territory, 10);
        var amount = cents.Get / 100m;

        var credits = world.Engine().Credit(CreditingRuleTests.Revision(CreditingWorld.Sale("P-2", amount, owners[0], account: account)));

        Assert.Equal(amount, credits.Sum(c => c.Amount));
        Assert.Equal(owners.Length, credits.Count);
    }

    [Property(MaxTest = 200)]
    public void A_replay_changes_nothing(PositiveInt cents, NonEmptyArray<PositiveInt> rawWeights, int seed)
    {
        var (world, sellers) = Organisation(seed, Math.Min(rawWeights.Get.Length, 5));
        var sale = CreditingWorld.Sale("P-3", cents.Get / 100m, sellers[0], coSellers: Splits(sellers, rawWeights.Get));
        var engine = world.Engine();
        var ledger = new List<Credit>();
        var first = SaleHistory.Record(null, sale, Now);
        CreditLedger.Apply(engine, first, ledger, ledger);

        // The same content rebuilt from scratch, co-sellers in reverse order.
        var again = CreditingWorld.Sale("P-3", cents.Get / 100m, sellers[0], coSellers: sale.CoSellers.Reverse().ToArray());
        var change = SaleHistory.Record(first.NewRevision, again, Now);
        var written = new List<Credit>();
        CreditLedger.Apply(engine, change, ledger, written);

        Assert.Equal(SaleChangeOutcome.Replayed, change.Outcome);
        Assert.Empty(written);
    }

    [Property(MaxTest = 200)]
    public void An_amendment_followed_by_its_reversal_nets_to_zero_per_participant(PositiveInt cents, PositiveInt newCents, NonEmptyArray<PositiveInt> rawWeights, NonEmptyArray<PositiveInt> newWeights, int seed)
    {
        var (world, sellers) = Organisation(seed, Math.Max(rawWeights.Get.Length, newWeights.Get.Length));
        var engine = world.Engine();
        var ledger = new List<Credit>();
        var first = SaleHistory.Record(null, CreditingWorld.Sale("P-4", cents.Get / 100m, sellers[0], coSellers: Splits(sellers[..Math.Min(rawWeights.Get.Length, 5)], rawWeights.Get)), Now);
        CreditLedger.Apply(engine, first, ledger, ledger);
        var newOwner = sellers[^1];
        var amendedSale = CreditingWorld.Sale("P-4", newCents.Get / 100m, newOwner, closeDate: new DateOnly(2025, 5, 1), coSellers: Splits(sellers[^Math.Min(newWeights.Get.Length, 5)..], newWeights.Get));
        var amended = SaleHistory.Record(first.NewRevision, amendedSale, Now);
        CreditLedger.Apply(engine, amended, ledger, ledger);

        // After the amendment the ledger nets to exactly the amended credits, per participant and type.
        if (amended.Outcome == SaleChangeOutcome.Amended)
        {
            var expected = engine.Credit(amended.NewRevision!);
            Assert.Equal(Net(expected), Net(ledger));
        }

        var cancelled = SaleHistory.Cancel(amended.NewRevision ?? first.NewRevision, amendedSale.Key, Now);
        CreditLedger.Apply(engine, cancelled, ledger, ledger);

        Assert.All(Net(ledger), entry => Assert.Equal((0m, 0m, 0m), entry.Value));
    }

    [Property(MaxTest = 200)]
    public void Rollup_reaches_every_manager_above_a_credited_rep_exactly_once(PositiveInt cents, NonEmptyArray<PositiveInt> rawWeights, int seed)
    {
        var (world, people) = Organisation(seed, 12);
        world.StandardRules();
        var random = new Random(seed);
        var reps = people.OrderBy(_ => random.Next()).Take(Math.Min(rawWeights.Get.Length, 5)).ToArray();
        var sale = CreditingWorld.Sale("P-5", cents.Get / 100m, reps[0], coSellers: Splits(reps, rawWeights.Get));

        var credits = world.Engine().Credit(CreditingRuleTests.Revision(sale));

        var repCredits = credits.Where(c => c.Type is CreditType.Direct or CreditType.Split).ToList();
        var expected = new Dictionary<Guid, decimal>();
        foreach (var credit in repCredits)
        {
            foreach (var manager in world.ManagersAbove(credit.ParticipantId, sale.CloseDate))
            {
                expected[manager] = expected.GetValueOrDefault(manager) + credit.Amount;
            }
        }

        var rollups = credits.Where(c => c.Type == CreditType.Rollup).ToList();
        Assert.Equal(rollups.Count, rollups.Select(c => c.ParticipantId).Distinct().Count());
        Assert.Equal(expected.OrderBy(e => e.Key), rollups.ToDictionary(c => c.ParticipantId, c => c.Amount).OrderBy(e => e.Key));
    }

    [Fact]
    public void A_cycle_in_the_manager_chain_is_an_error_not_a_hang()
    {
        var world = new CyclicWorld();
        var ex = Assert.Throws<DomainException>(() => world.Engine.Credit(CreditingRuleTests.Revision(CreditingWorld.Sale("C-1", 10m, CyclicWorld.Rep))));
        Assert.Equal("MANAGER_CHAIN_CYCLE", ex.Code);
    }

    // Percentages with two decimals summing to exactly 100, each at least 0.01 (weights 1..100, at most 8 lines).
    private static CoSeller[] Splits(Guid[] sellers, PositiveInt[] raw)
    {
        var weights = sellers.Select((_, i) => (decimal)(((raw[i % raw.Length].Get - 1) % 100) + 1)).ToArray();
        var percents = Spm.Domain.Quotas.Allocator.Split(100m, weights, 0.01m);
        return sellers.Select((s, i) => new CoSeller(s, percents[i])).ToArray();
    }

    // A random forest: person i reports to a random earlier person or to nobody.
    private static (CreditingWorld World, Guid[] People) Organisation(int seed, int size)
    {
        var random = new Random(seed);
        var world = new CreditingWorld();
        world.Rule(CreditRuleKind.Direct, 10);
        world.Rule(CreditRuleKind.Split, 20);
        var people = new Guid[Math.Max(size, 2)];
        for (var i = 0; i < people.Length; i++)
        {
            Guid? manager = i > 0 && random.Next(4) > 0 ? people[random.Next(i)] : null;
            people[i] = world.Person($"P{i}", manager: manager);
        }

        return (world, people);
    }

    private static SortedDictionary<(Guid, CreditType), (decimal, decimal, decimal)> Net(IEnumerable<Credit> credits)
    {
        var net = new SortedDictionary<(Guid, CreditType), (decimal, decimal, decimal)>();
        foreach (var c in credits)
        {
            var (a, r, p) = net.GetValueOrDefault((c.ParticipantId, c.BaseType));
            net[(c.ParticipantId, c.BaseType)] = (a + c.Amount, r + c.ReportingAmount, p + c.PayAmount);
        }

        foreach (var key in net.Where(e => e.Value == (0m, 0m, 0m)).Select(e => e.Key).ToList())
        {
            net.Remove(key);
        }

        return net;
    }

    private sealed class CyclicWorld : IManagerChainLookup
    {
        public static readonly Guid Rep = CreditingWorld.Id(1);
        private static readonly Guid Boss = CreditingWorld.Id(2);

        public CyclicWorld()
        {
            var world = new CreditingWorld();
            world.Person("Rep");
            world.Person("Boss");
            var rules = new CreditRuleSet(CreditingWorld.Tenant, [
                new CreditRule(Guid.NewGuid(), CreditingWorld.Tenant, "direct", CreditRuleKind.Direct, 1, CreditingWorld.Epoch),
                new CreditRule(Guid.NewGuid(), CreditingWorld.Tenant, "rollup", CreditRuleKind.Rollup, 2, CreditingWorld.Epoch)]);
            Engine = new CreditingEngine(rules, new Spm.Domain.Currency.FxRateTable(CreditingWorld.Tenant, "USD", []), world, world, this);
        }

        public CreditingEngine Engine { get; }

        // Rep -> Boss -> Rep: the lookup hands back a chain that loops.
        public IReadOnlyList<Guid> ManagersAbove(Guid participantId, DateOnly onDate) => [Boss, participantId == Rep ? Rep : Boss];
    }
}
