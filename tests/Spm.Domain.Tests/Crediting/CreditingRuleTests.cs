using Spm.Domain.Common;
using Spm.Domain.Crediting;
using Spm.Domain.Sales;

namespace Spm.Domain.Tests.Crediting;

public sealed class CreditingRuleTests
{
    [Fact]
    public void Direct_credits_the_owner_with_the_whole_sale()
    {
        var world = new CreditingWorld();
        var ana = world.Person("Ana Ruiz");
        world.Rule(CreditRuleKind.Direct, 10);

        var credit = Assert.Single(world.Engine().Credit(Revision(CreditingWorld.Sale("S-1", 1000.00m, ana))));

        Assert.Equal((CreditType.Direct, ana, 1000.00m, 1000.00m, 1000.00m), (credit.Type, credit.ParticipantId, credit.Amount, credit.ReportingAmount, credit.PayAmount));
        Assert.Equal("direct: owner of sale S-1", credit.Reason);
        Assert.Equal(new DateOnly(2025, 3, 15), credit.PostingDate);
    }

    [Fact]
    public void Split_shares_the_sale_to_the_cent_in_sale_reporting_and_pay_currencies()
    {
        // Sale 1,000.01 EUR split Ana (owner) 50 %, Bo 25 %, Cy 25 %. Reporting USD at 1.10, Cy paid in GBP at 0.85.
        // EUR cents 100001: 50000.5, 25000.25, 25000.25 -> floors 100000, 1 cent left to the largest remainder
        //   (Ana, .5): Ana 500.01, Bo 250.00, Cy 250.00.
        // USD total 1000.01 x 1.10 = 1100.011 -> 1100.01; cents 110001 split the same way: 550.01, 275.00, 275.00.
        // Pay: Ana in USD = her reporting 550.01; Bo in EUR = 250.00; Cy 250.00 x 0.85 = 212.50 GBP.
        var world = new CreditingWorld();
        var ana = world.Person("Ana Ruiz", "USD");
        var bo = world.Person("Bo Li", "EUR");
        var cy = world.Person("Cy Sands", "GBP");
        world.Rate("EUR", "USD", 1.10m);
        world.Rate("EUR", "GBP", 0.85m);
        world.Rule(CreditRuleKind.Direct, 10);
        world.Rule(CreditRuleKind.Split, 20);
        var sale = CreditingWorld.Sale("S-2", 1000.01m, ana, "EUR", coSellers: [new(cy, 25m), new(ana, 50m), new(bo, 25m)]);

        var credits = world.Engine().Credit(Revision(sale));

        Assert.Equal(
            [
                (CreditType.Direct, ana, 500.01m, 550.01m, 550.01m, "USD"),
                (CreditType.Split, bo, 250.00m, 275.00m, 250.00m, "EUR"),
                (CreditType.Split, cy, 250.00m, 275.00m, 212.50m, "GBP"),
            ],
            credits.Select(c => (c.Type, c.ParticipantId, c.Amount, c.ReportingAmount, c.PayAmount, c.PayCurrency)));
        Assert.Equal("split: co-seller of sale S-2", credits[1].Reason);
        Assert.All(credits, c => Assert.Equal(("EUR", "USD"), (c.Currency, c.ReportingCurrency)));
    }

    [Fact]
    public void Territory_credits_the_owners_by_their_splits_and_leaves_a_vacant_seat_uncredited()
    {
        // Sale 999.99 USD in West, owned by Dee 60 % and Eve 30 % (10 % vacant).
        // Cents 99999: Dee 59999.4, Eve 29999.7, vacant 9999.9 -> floors 99997; 2 cents left go to the largest
        // remainders .9 (vacant) and .7 (Eve): Dee 599.99, Eve 300.00, vacant 100.00 (not credited).
        var world = new CreditingWorld();
        var owner = world.Person("Ana Ruiz");
        var dee = world.Person("Dee Park");
        var eve = world.Person("Eve Stone");
        var account = Guid.NewGuid();
        var west = world.Territory(account, "West", [new(dee, 60m), new(eve, 30m)]);
        world.Rule(CreditRuleKind.Territory, 10);

        var credits = world.Engine().Credit(Revision(CreditingWorld.Sale("S-3", 999.99m, owner, account: account)));

        Assert.Equal([(dee, 599.99m), (eve, 300.00m)], credits.Select(c => (c.ParticipantId, c.Amount)));
        Assert.All(credits, c => Assert.Equal((CreditType.Territory, west), (c.Type, c.TerritoryId!.Value)));
        Assert.Equal("territory: owner of West for sale S-3", credits[0].Reason);
    }

    [Fact]
    public void Territory_splits_above_100_percent_are_refused_naming_the_territory()
    {
        var world = new CreditingWorld();
        var owner = world.Person("Ana Ruiz");
        var account = Guid.NewGuid();
        world.Territory(account, "West", [new(world.Person("Dee Park"), 60m), new(world.Person("Eve Stone"), 50m)]);
        world.Rule(CreditRuleKind.Territory, 10);

        var ex = Assert.Throws<DomainException>(() => world.Engine().Credit(Revision(CreditingWorld.Sale("S-3", 10m, owner, account: account))));

        Assert.Equal(("TERRITORY_SPLITS_OVER_100", "accountId"), (ex.Code, ex.Field));
        Assert.Contains("West", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlays_are_credited_by_the_first_rule_covering_their_role()
    {
        // Rule 1: solutions engineers 100 %. Rule 2: everyone else 50 %.
        // Sale 999.99: Fay (SE) 999.99; Gus (specialist) 999.99 x 0.5 = 499.995 -> half away from zero 500.00.
        // Fay is not credited a second time by rule 2.
        var world = new CreditingWorld();
        var owner = world.Person("Ana Ruiz");
        var fay = world.Person("Fay Moss");
        var gus = world.Person("Gus Hale");
        var account = Guid.NewGuid();
        world.Territory(account, "West", [], [new(fay, "SE"), new(gus, "Specialist")]);
        var engineers = world.Rule(CreditRuleKind.Overlay, 10, roles: ["SE"]);
        var others = world.Rule(CreditRuleKind.Overlay, 20, overlayPercent: 50m);

        var credits = world.Engine().Credit(Revision(CreditingWorld.Sale("S-4", 999.99m, owner, account: account)));

        Assert.Equal([(fay, 999.99m, engineers.Id), (gus, 500.00m, others.Id)], credits.Select(c => (c.ParticipantId, c.Amount, c.RuleId)));
        Assert.Equal("overlay: SE on West for sale S-4", credits[0].Reason);
    }

    [Fact]
    public void Rollup_credits_each_manager_once_with_the_sum_of_their_reps()
    {
        // Vic manages Mia and Ned; Mia manages Ana and Bo; Ned manages Cy.
        // Sale 1,000.01 split Ana 50 / Bo 25 / Cy 25 -> 500.01, 250.00, 250.00 (see the split test).
        // Mia: 500.01 + 250.00 = 750.01; Ned: 250.00; Vic: 500.01 + 250.00 + 250.00 = 1000.01, once.
        var world = new CreditingWorld();
        var vic = world.Person("Vic Hart");
        var mia = world.Person("Mia Cole", manager: vic);
        var ned = world.Person("Ned Gray", manager: vic);
        var ana = world.Person("Ana Ruiz", manager: mia);
        var bo = world.Person("Bo Li", manager: mia);
        var cy = world.Person("Cy Sands", manager: ned);
        world.StandardRules();
        var sale = CreditingWorld.Sale("S-5", 1000.01m, ana, coSellers: [new(ana, 50m), new(bo, 25m), new(cy, 25m)]);

        var rollups = world.Engine().Credit(Revision(sale)).Where(c => c.Type == CreditType.Rollup).ToList();

        Assert.Equal([(mia, 750.01m), (vic, 1000.01m), (ned, 250.00m)], rollups.Select(c => (c.ParticipantId, c.Amount)));
        Assert.Equal("roll-up: manager of Ana Ruiz and others on sale S-5", rollups[0].Reason);
        Assert.Equal("roll-up: manager of Cy Sands", rollups[2].Reason);
    }

    [Fact]
    public void Product_and_segment_filters_pick_the_first_matching_rule_of_a_kind()
    {
        // Services direct credit goes to the owner under the services rule; licences fall through to the general rule.
        var world = new CreditingWorld();
        var ana = world.Person("Ana Ruiz");
        var services = world.Rule(CreditRuleKind.Direct, 10, products: ["Services"], segments: ["Enterprise"]);
        var general = world.Rule(CreditRuleKind.Direct, 20);
        var engine = world.Engine();

        var onServices = Assert.Single(engine.Credit(Revision(CreditingWorld.Sale("S-6", 10m, ana, product: "Services", segment: "Enterprise"))));
        var onSmbServices = Assert.Single(engine.Credit(Revision(CreditingWorld.Sale("S-7", 10m, ana, product: "Services", segment: "SMB"))));
        var onLicence = Assert.Single(engine.Credit(Revision(CreditingWorld.Sale("S-8", 10m, ana, product: "Licence"))));

        Assert.Equal([services.Id, general.Id, general.Id], new[] { onServices.RuleId, onSmbServices.RuleId, onLicence.RuleId });
    }

    [Fact]
    public void Rules_apply_only_on_their_effective_dates()
    {
        // The old rule ends 31 March (inclusive); the new one starts 1 April.
        var world = new CreditingWorld();
        var ana = world.Person("Ana Ruiz");
        var old = world.Rule(CreditRuleKind.Direct, 10, to: new DateOnly(2025, 3, 31));
        var current = world.Rule(CreditRuleKind.Direct, 10, from: new DateOnly(2025, 4, 1));
        var engine = world.Engine();

        Assert.Equal(old.Id, Assert.Single(engine.Credit(Revision(CreditingWorld.Sale("S-9", 1m, ana, closeDate: new DateOnly(2025, 3, 31))))).RuleId);
        Assert.Equal(current.Id, Assert.Single(engine.Credit(Revision(CreditingWorld.Sale("S-10", 1m, ana, closeDate: new DateOnly(2025, 4, 1))))).RuleId);
        Assert.Empty(engine.Credit(Revision(CreditingWorld.Sale("S-11", 1m, ana, closeDate: new DateOnly(2019, 12, 31)))));
    }

    [Fact]
    public void An_unknown_participant_is_an_error_naming_the_field()
    {
        var world = new CreditingWorld();
        world.Rule(CreditRuleKind.Direct, 10);

        var ex = Assert.Throws<DomainException>(() => world.Engine().Credit(Revision(CreditingWorld.Sale("S-12", 1m, Guid.NewGuid()))));

        Assert.Equal(("PARTICIPANT_UNKNOWN", "ownerParticipantId"), (ex.Code, ex.Field));
    }

    [Fact]
    public void A_missing_rate_stops_crediting_instead_of_crediting_zero()
    {
        var world = new CreditingWorld();
        var ana = world.Person("Ana Ruiz");
        world.Rule(CreditRuleKind.Direct, 10);

        var ex = Assert.Throws<DomainException>(() => world.Engine().Credit(Revision(CreditingWorld.Sale("S-13", 5m, ana, "CHF"))));

        Assert.Equal("FX_RATE_MISSING", ex.Code);
        Assert.Contains("CHF to USD", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2025-03-15", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_late_deal_in_a_locked_period_posts_in_the_open_period()
    {
        // January is locked; the deal closed 15 January arrives in February and posts on 1 February.
        var world = new CreditingWorld();
        var ana = world.Person("Ana Ruiz");
        world.Rule(CreditRuleKind.Direct, 10);
        var posting = new PostingPolicy([(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31))], new DateOnly(2025, 2, 1));

        var credit = Assert.Single(world.Engine(posting).Credit(Revision(CreditingWorld.Sale("S-14", 5m, ana, closeDate: new DateOnly(2025, 1, 15)))));

        Assert.Equal((new DateOnly(2025, 1, 15), new DateOnly(2025, 2, 1)), (credit.CloseDate, credit.PostingDate));
    }

    internal static SaleRevision Revision(Sale sale, int number = 1) =>
        new(number, number == 1 ? SaleRevisionKind.Original : SaleRevisionKind.Amendment, sale, DateTimeOffset.UnixEpoch);
}
