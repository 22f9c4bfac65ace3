using Spm.Domain.Crediting;
using Spm.Domain.Currency;
using Spm.Domain.Sales;

namespace Spm.Bench.Crediting;

/// <summary>
/// `./spm bench crediting`: the pure crediting engine in memory, one thread, over ~200k synthetic sales of about
/// four credits each (direct, splits, territory for enterprise deals, three levels of roll-up, a third of the
/// sales in EUR). The baseline is a loop that only builds the same number of credit structs into the same kind
/// of buffer: the ratio says how much of the time is crediting rather than writing results.
/// </summary>
internal sealed class CreditingBenchmark : IBenchmark
{
    private const double TargetCreditsPerSecond = 500_000;
    private const int RepsPerManager = 8;
    private static readonly Guid Tenant = Guid.NewGuid();

    public string Name => "crediting";

    public string Summary => "crediting engine in memory: credits per second over ~200k sales (target > 500,000/s)";

    public Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = context.Arguments.Count > 0 ? int.Parse(context.Arguments[0], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
        var random = new Random(42);
        var organisation = new BenchOrganisation(random, directors: 10, managersPerDirector: 25, repsPerManager: RepsPerManager, accounts: 20_000);
        var engine = Engine(organisation);
        var sales = Sales(organisation, random, count);

        var buffer = new List<Credit>(4096);
        long credits = 0;
        var crediting = BenchContext.Time(() =>
        {
            credits = 0;
            buffer.Clear();
            foreach (var sale in sales)
            {
                engine.Credit(sale, 1, buffer);
                if (buffer.Count > 4000)
                {
                    credits += buffer.Count;
                    buffer.Clear();
                }
            }

            credits += buffer.Count;
        });

        var perSale = (int)Math.Round((double)credits / sales.Length);
        var baseline = BenchContext.Time(() => Baseline(sales, buffer, credits));

        var creditsPerSecond = credits / crediting.TotalSeconds;
        BenchContext.Report("sales credited", sales.Length, "sales");
        BenchContext.Report("credits produced", credits, "credits", $"{(double)credits / sales.Length:N2} per sale (~{perSale})");
        BenchContext.Report("crediting time", crediting.TotalMilliseconds, "ms");
        BenchContext.Report("crediting engine", creditsPerSecond, "credits/s", creditsPerSecond >= TargetCreditsPerSecond ? "target > 500,000/s met" : "TARGET > 500,000/s MISSED");
        BenchContext.Report("baseline: build the same credit structs", credits / baseline.TotalSeconds, "credits/s");
        BenchContext.Report("engine time / baseline time", crediting.TotalSeconds / baseline.TotalSeconds, "x");
        return Task.CompletedTask;
    }

    private static CreditingEngine Engine(BenchOrganisation organisation)
    {
        var from = new DateOnly(2024, 1, 1);
        var rules = new CreditRuleSet(Tenant, [
            new CreditRule(Guid.NewGuid(), Tenant, "owner", CreditRuleKind.Direct, 10, from),
            new CreditRule(Guid.NewGuid(), Tenant, "co-sellers", CreditRuleKind.Split, 20, from),
            new CreditRule(Guid.NewGuid(), Tenant, "enterprise territory", CreditRuleKind.Territory, 30, from, segments: ["Enterprise"]),
            new CreditRule(Guid.NewGuid(), Tenant, "managers", CreditRuleKind.Rollup, 40, from),
        ]);
        var fx = new FxRateTable(Tenant, "USD", [
            new FxRate(Tenant, "EUR", "USD", 1.0873m, from),
            new FxRate(Tenant, "EUR", "USD", 1.0921m, new DateOnly(2025, 1, 1)),
            new FxRate(Tenant, "USD", "GBP", 0.7912m, from),
        ]);
        return new CreditingEngine(rules, fx, organisation, organisation, organisation);
    }

    // 75 % single-owner deals (direct + 3 roll-ups = 4 credits), 15 % split 60/40 within a team (5 credits),
    // 10 % enterprise deals with territory credit to an account owner elsewhere (5 to 6 credits).
    private static Sale[] Sales(BenchOrganisation organisation, Random random, int count)
    {
        var sales = new Sale[count];
        var start = new DateOnly(2024, 7, 1);
        for (var i = 0; i < count; i++)
        {
            var repIndex = random.Next(organisation.Reps.Length);
            var owner = organisation.Reps[repIndex];
            var amount = random.Next(100, 5_000_000) / 100m;
            var currency = i % 3 == 0 ? "EUR" : "USD";
            var date = start.AddDays(random.Next(365));
            var kind = random.Next(100);
            IReadOnlyList<CoSeller>? splits = kind is >= 75 and < 90
                ? [new CoSeller(owner, 60m), new CoSeller(organisation.TeamMate(repIndex, RepsPerManager), 40m)]
                : null;
            var enterprise = kind >= 90;
            sales[i] = new Sale(
                Tenant,
                "bench",
                $"S-{i}",
                amount,
                currency,
                date,
                organisation.Accounts[random.Next(organisation.Accounts.Length)],
                "Licence",
                enterprise ? "Enterprise" : "SMB",
                owner,
                splits);
        }

        return sales;
    }

    // The same number of structs, with the same fields filled, into the same buffer: the floor of any engine.
    private static void Baseline(Sale[] sales, List<Credit> buffer, long credits)
    {
        buffer.Clear();
        var perSale = credits / sales.Length;
        var extra = credits - (perSale * sales.Length);
        for (var i = 0; i < sales.Length; i++)
        {
            var sale = sales[i];
            var n = perSale + (i < extra ? 1 : 0);
            for (var k = 0; k < n; k++)
            {
                buffer.Add(new Credit
                {
                    TenantId = sale.TenantId,
                    Source = sale.Source,
                    SaleExternalId = sale.ExternalId,
                    SaleRevision = 1,
                    Type = CreditType.Direct,
                    AdjustedType = CreditType.Direct,
                    RuleId = sale.TenantId,
                    ParticipantId = sale.OwnerParticipantId,
                    Amount = sale.Amount,
                    Currency = sale.Currency,
                    ReportingAmount = sale.Amount,
                    ReportingCurrency = sale.Currency,
                    PayAmount = sale.Amount,
                    PayCurrency = sale.Currency,
                    CloseDate = sale.CloseDate,
                    PostingDate = sale.CloseDate,
                });
            }

            if (buffer.Count > 4000)
            {
                buffer.Clear();
            }
        }
    }
}
