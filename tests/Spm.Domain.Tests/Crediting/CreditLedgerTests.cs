using Spm.Domain.Crediting;
using Spm.Domain.Sales;

namespace Spm.Domain.Tests.Crediting;

public sealed class CreditLedgerTests
{
    private static readonly DateTimeOffset Now = new(2025, 4, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_amendment_reverses_the_old_credits_and_writes_new_ones_and_a_cancellation_only_reverses()
    {
        // Rev 1: 1,000.00 to Ana. Rev 2 moves the deal to Bo at 1,200.00: -1,000.00 Ana (reversing rev 1), +1,200.00 Bo.
        // Rev 3 cancels: -1,200.00 Bo. Nets: Ana 0, Bo 0.
        var world = new CreditingWorld();
        var ana = world.Person("Ana Ruiz");
        var bo = world.Person("Bo Li");
        world.Rule(CreditRuleKind.Direct, 10);
        var engine = world.Engine();
        var ledger = new List<Credit>();

        var first = SaleHistory.Record(null, CreditingWorld.Sale("S-1", 1000.00m, ana), Now);
        CreditLedger.Apply(engine, first, ledger, ledger);
        var amended = SaleHistory.Record(first.NewRevision, CreditingWorld.Sale("S-1", 1200.00m, bo), Now);
        var written = new List<Credit>();
        CreditLedger.Apply(engine, amended, ledger, written);

        Assert.Equal([(ana, -1000.00m, true, 2), (bo, 1200.00m, false, 2)], written.Select(c => (c.ParticipantId, c.Amount, c.IsReversal, c.SaleRevision)));
        Assert.Equal("reversal of revision 1: direct: owner of sale S-1", written[0].Reason);
        ledger.AddRange(written);

        var cancelled = SaleHistory.Cancel(amended.NewRevision, amended.NewRevision!.Key, Now);
        written.Clear();
        CreditLedger.Apply(engine, cancelled, ledger, written);

        var reversal = Assert.Single(written);
        Assert.Equal((bo, -1200.00m, 2), (reversal.ParticipantId, reversal.Amount, reversal.ReversesRevision));
        ledger.AddRange(written);
        Assert.All(ledger.GroupBy(c => c.ParticipantId), g => Assert.Equal(0m, g.Sum(c => c.Amount)));
    }

    [Fact]
    public void A_replay_writes_nothing()
    {
        var world = new CreditingWorld();
        var ana = world.Person("Ana Ruiz");
        world.Rule(CreditRuleKind.Direct, 10);
        var engine = world.Engine();
        var ledger = new List<Credit>();
        var first = SaleHistory.Record(null, CreditingWorld.Sale("S-1", 10m, ana), Now);
        CreditLedger.Apply(engine, first, ledger, ledger);

        var written = new List<Credit>();
        CreditLedger.Apply(engine, SaleHistory.Record(first.NewRevision, CreditingWorld.Sale("S-1", 10.00m, ana), Now), ledger, written);

        Assert.Empty(written);
    }

    [Fact]
    public void Recrediting_after_a_territory_change_writes_the_deltas_and_is_idempotent()
    {
        // West held Dee 60 / Eve 40; the sale of 1,000.00 credited Dee 600.00 and Eve 400.00.
        // West is reassigned retroactively to Dee 50 / Fay 50: target Dee 500.00, Fay 500.00.
        // Adjustments: Dee 500 - 600 = -100.00, Eve 0 - 400 = -400.00, Fay 500 - 0 = +500.00; they sum to 0.
        // Running it again over the ledger plus these adjustments writes nothing.
        var world = new CreditingWorld();
        var ana = world.Person("Ana Ruiz");
        var dee = world.Person("Dee Park");
        var eve = world.Person("Eve Stone");
        var fay = world.Person("Fay Moss");
        var account = Guid.NewGuid();
        world.Territory(account, "West", [new(dee, 60m), new(eve, 40m)]);
        world.Rule(CreditRuleKind.Territory, 10);
        var revision = CreditingRuleTests.Revision(CreditingWorld.Sale("S-1", 1000.00m, ana, account: account));
        var ledger = new List<Credit>(world.Engine().Credit(revision));

        world.Territory(account, "West", [new(dee, 50m), new(fay, 50m)]);
        var adjustments = new List<Credit>();
        CreditLedger.Recredit(world.Engine(), [revision], ledger, adjustments);

        Assert.Equal(
            [(dee, -100.00m), (fay, 500.00m), (eve, -400.00m)],
            adjustments.Select(c => (c.ParticipantId, c.Amount)));
        Assert.All(adjustments, c => Assert.Equal((CreditType.Adjustment, CreditType.Territory), (c.Type, c.AdjustedType)));
        Assert.Equal("adjustment: territory credit on sale S-1 re-credited by -100.00 USD", adjustments[0].Reason);

        ledger.AddRange(adjustments);
        var again = new List<Credit>();
        CreditLedger.Recredit(world.Engine(), [revision], ledger, again);
        Assert.Empty(again);
    }

    [Fact]
    public void Adjustments_for_a_locked_period_post_in_the_open_period()
    {
        // The deal closed 15 January, January is now locked; the adjustment keeps its close date and posts 1 April.
        var world = new CreditingWorld();
        var ana = world.Person("Ana Ruiz");
        var bo = world.Person("Bo Li");
        var direct = world.Rule(CreditRuleKind.Direct, 10);
        var sale = CreditingWorld.Sale("S-1", 300.00m, ana, closeDate: new DateOnly(2025, 1, 15), coSellers: [new(ana, 50m), new(bo, 50m)]);
        var revision = CreditingRuleTests.Revision(sale);
        var ledger = new List<Credit>(world.Engine().Credit(revision));
        Assert.Equal(direct.Id, Assert.Single(ledger).RuleId);

        // A split rule is added retroactively: Bo gains 150.00 split credit.
        world.Rule(CreditRuleKind.Split, 20);
        var posting = new PostingPolicy([(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31))], new DateOnly(2025, 4, 1));
        var adjustments = new List<Credit>();
        CreditLedger.Recredit(world.Engine(posting), [revision], ledger, adjustments);

        var adjustment = Assert.Single(adjustments);
        Assert.Equal((bo, 150.00m, CreditType.Split), (adjustment.ParticipantId, adjustment.Amount, adjustment.AdjustedType));
        Assert.Equal((new DateOnly(2025, 1, 15), new DateOnly(2025, 4, 1)), (adjustment.CloseDate, adjustment.PostingDate));
    }

    [Fact]
    public void Reversals_of_credits_in_a_locked_period_post_in_the_open_period()
    {
        var world = new CreditingWorld();
        var ana = world.Person("Ana Ruiz");
        world.Rule(CreditRuleKind.Direct, 10);
        var ledger = new List<Credit>();
        var first = SaleHistory.Record(null, CreditingWorld.Sale("S-1", 80m, ana, closeDate: new DateOnly(2025, 1, 15)), Now);
        CreditLedger.Apply(world.Engine(), first, ledger, ledger);

        var posting = new PostingPolicy([(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31))], new DateOnly(2025, 2, 3));
        var written = new List<Credit>();
        CreditLedger.Apply(world.Engine(posting), SaleHistory.Cancel(first.NewRevision, first.NewRevision!.Key, Now), ledger, written);

        Assert.Equal((-80m, new DateOnly(2025, 2, 3)), (Assert.Single(written).Amount, written[0].PostingDate));
    }
}
