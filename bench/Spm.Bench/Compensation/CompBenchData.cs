using Spm.Domain.Compensation;
using Spm.Domain.Crediting;
using Spm.Domain.Currency;

namespace Spm.Bench.Compensation;

/// <summary>
/// A synthetic, reproducible compensation world for benchmarks: four plans (an account executive plan with
/// marginal tiers, product rates, a gate, a cap, a quarter bonus, a SPIFF and a clawback; an SDR plan with
/// retroactive tiers and a recoverable draw; a partner plan with a monthly bonus; a manager plan over roll-up
/// credits), participants on them (one manager per ten), quotas, and credits spread over the period.
/// Public so the end-to-end benchmark loads the same data into PostgreSQL.
/// </summary>
/// <remarks>
/// About a fifth of the credits are in EUR and a tenth of the participants are paid in EUR; 2 % of credits
/// belong to sales cancelled within the period; roll-up credits go to managers. The same seed gives the same
/// world, byte for byte.
/// </remarks>
public static class CompBenchData
{
    public static readonly Guid TenantId = Guid.Parse("0195f2a4-0000-7000-8000-00000000be01");

    /// <summary>March 2026: the last month of Q1 (fiscal year from January), so quarter bonuses are paid too.</summary>
    public static readonly CompPeriod Period = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    public static readonly string[] Products = ["LICENCE", "SERVICES", "SUPPORT", "WIDGET", "TRAINING"];

    public static readonly string[] Segments = ["SMB", "MID", "ENT"];

    public static CompPlan AccountExecutivePlan { get; } = new()
    {
        PlanId = Guid.Parse("0195f2a4-0000-7000-8000-00000000be11"),
        Version = 1,
        Name = "Account executive",
        EffectiveFrom = new DateOnly(2026, 1, 1),
        Currency = "USD",
        TotalCap = 400_000m,
        Components =
        [
            new CommissionComponent
            {
                Id = "core",
                Name = "Core commission",
                Method = CommissionMethod.Marginal,
                Gate = 0.2m,
                Cap = 60_000m,
                RateTables =
                [
                    new RateTable { Tiers = [new RateTier(0m, 0.04m), new RateTier(0.5m, 0.06m), new RateTier(1m, 0.09m), new RateTier(1.5m, 0.12m)] },
                    new RateTable { Product = "SERVICES", Tiers = [new RateTier(0m, 0.02m), new RateTier(1m, 0.03m)] },
                    new RateTable { Segment = "ENT", Tiers = [new RateTier(0m, 0.05m), new RateTier(1m, 0.10m)] },
                ],
            },
            new BonusComponent
            {
                Id = "q-bonus",
                Name = "Quarter bonus",
                Frequency = BonusFrequency.Quarter,
                Thresholds = [new BonusThreshold { Attainment = 0.3m, Amount = 2_000m }, new BonusThreshold { Attainment = 0.5m, PercentOfTargetIncentive = 0.1m }],
            },
            new SpiffComponent { Id = "widget", Name = "Widget SPIFF", Products = ["WIDGET"], From = new DateOnly(2026, 3, 10), To = new DateOnly(2026, 3, 20), Basis = SpiffBasis.PerUnit, Amount = 25m },
            new ClawbackComponent { Id = "clawback", Name = "90-day clawback", WindowDays = 90 },
        ],
    };

    public static CompPlan SdrPlan { get; } = new()
    {
        PlanId = Guid.Parse("0195f2a4-0000-7000-8000-00000000be12"),
        Version = 1,
        Name = "Sales development",
        EffectiveFrom = new DateOnly(2026, 1, 1),
        Currency = "USD",
        PeriodCap = 20_000m,
        Components =
        [
            new CommissionComponent
            {
                Id = "retro",
                Name = "Retroactive commission",
                Method = CommissionMethod.Retroactive,
                RateTables = [new RateTable { Tiers = [new RateTier(0m, 0.02m), new RateTier(0.8m, 0.03m), new RateTier(1.2m, 0.05m)] }],
            },
            new DrawComponent { Id = "draw", Name = "Ramp draw", Amount = 1_500m, Recoverable = true },
            new SpiffComponent { Id = "deals", Name = "New logo SPIFF", From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 31), Amount = 50m },
        ],
    };

    public static CompPlan PartnerPlan { get; } = new()
    {
        PlanId = Guid.Parse("0195f2a4-0000-7000-8000-00000000be13"),
        Version = 1,
        Name = "Partner manager",
        EffectiveFrom = new DateOnly(2026, 1, 1),
        Currency = "EUR",
        Components =
        [
            new CommissionComponent { Id = "flat", Name = "Flat commission", RateTables = [new RateTable { Tiers = [new RateTier(0m, 0.035m)] }] },
            new BonusComponent
            {
                Id = "m-bonus",
                Name = "Month bonus",
                Thresholds = [new BonusThreshold { Attainment = 0.25m, Amount = 500m }, new BonusThreshold { Attainment = 0.4m, Amount = 750m }],
            },
        ],
    };

    public static CompPlan ManagerPlan { get; } = new()
    {
        PlanId = Guid.Parse("0195f2a4-0000-7000-8000-00000000be14"),
        Version = 1,
        Name = "First-line manager",
        EffectiveFrom = new DateOnly(2026, 1, 1),
        Currency = "USD",
        Components =
        [
            new CommissionComponent
            {
                Id = "team",
                Name = "Team override",
                CreditTypes = [CreditType.Rollup],
                RateTables = [new RateTable { Tiers = [new RateTier(0m, 0.005m), new RateTier(1m, 0.01m)] }],
            },
            new BonusComponent
            {
                Id = "team-bonus",
                Name = "Team quarter bonus",
                Frequency = BonusFrequency.Quarter,
                CreditTypes = [CreditType.Rollup],
                Thresholds = [new BonusThreshold { Attainment = 0.3m, PercentOfTargetIncentive = 0.15m }],
            },
        ],
    };

    /// <summary>
    /// Builds the world: <paramref name="participants"/> people (every tenth a manager) and about
    /// <paramref name="credits"/> credits in <see cref="Period"/>.
    /// </summary>
    public static CompensationInput Generate(int participants, int credits, int seed = 42)
    {
        var random = new Random(seed);
        var people = new Guid[participants];
        var assignments = new List<PlanAssignment>(participants + (participants / 20));
        var quotas = new List<ParticipantQuota>(participants);
        var balances = new List<DrawBalance>();
        for (var i = 0; i < participants; i++)
        {
            people[i] = new Guid(i + 1, 0xC0, 0x4B, 0, 0, 0, 0, 0, 0, 0, 1);
            var isManager = i % 10 == 0;
            var plan = isManager ? ManagerPlan : (i % 10) switch
            {
                1 or 2 or 3 or 4 or 5 or 6 => AccountExecutivePlan,
                7 or 8 => SdrPlan,
                _ => PartnerPlan,
            };
            var currency = plan == PartnerPlan ? "EUR" : "USD";
            var targetIncentive = 40_000m + (random.Next(0, 80) * 1_000m);

            // One in twenty starts mid-period (proration); one in fifty also holds the partner plan (two plans at once).
            var from = i % 20 == 19 ? new DateOnly(2026, 3, 11) : new DateOnly(2025, 7, 1);
            assignments.Add(new PlanAssignment
            {
                AssignmentId = new Guid(i + 1, 0xA5, 0x4B, 0, 0, 0, 0, 0, 0, 0, 1),
                ParticipantId = people[i],
                PlanId = plan.PlanId,
                From = from,
                TargetIncentive = targetIncentive,
                OnTargetEarnings = targetIncentive * 2.5m,
                Currency = currency,
            });
            if (!isManager && currency == "USD" && i % 50 == 13)
            {
                assignments.Add(assignments[^1] with { AssignmentId = new Guid(i + 1, 0xA6, 0x4B, 0, 0, 0, 0, 0, 0, 0, 1), PlanId = PartnerPlan.PlanId });
            }

            var monthly = (isManager ? 200_000m : 60_000m) + (random.Next(0, 40) * 2_500m);
            quotas.Add(new ParticipantQuota(people[i], new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), monthly * 3, currency));
            if (plan == SdrPlan && i % 3 == 0)
            {
                balances.Add(new DrawBalance(people[i], random.Next(0, 3_000), "USD"));
            }
        }

        var list = new CompCredit[credits];
        for (var c = 0; c < credits; c++)
        {
            var rep = random.Next(participants);
            var isManager = rep % 10 == 0;
            var day = random.Next(1, 32);
            var posted = new DateOnly(2026, 3, day);
            var euro = random.Next(5) == 0;
            var amount = (random.Next(5_000, 250_000) / 100m) * (random.Next(25) == 0 ? -1 : 1);
            var product = Products[random.Next(Products.Length)];
            list[c] = new CompCredit
            {
                CreditId = new Guid(c + 1, 0xCE, 0x4B, 0, 0, 0, 0, 0, 0, 0, 1),
                ParticipantId = people[rep],
                SaleId = new Guid((c / 3) + 1, 0x5A, 0x4B, 0, 0, 0, 0, 0, 0, 0, 1),
                Type = isManager ? CreditType.Rollup : random.Next(10) switch { < 7 => CreditType.Direct, 7 => CreditType.Split, 8 => CreditType.Territory, _ => CreditType.Overlay },
                Amount = amount,
                Currency = euro ? "EUR" : "USD",
                Product = product,
                Segment = Segments[random.Next(Segments.Length)],
                Quantity = random.Next(1, 20),
                CloseDate = posted.AddDays(-random.Next(0, 5)),
                PostingDate = posted,
                CancelledOn = random.Next(50) == 0 && day < 25 ? posted.AddDays(random.Next(1, 7)) : null,
            };
        }

        return new CompensationInput
        {
            Period = Period,
            Plans = [AccountExecutivePlan, SdrPlan, PartnerPlan, ManagerPlan],
            Assignments = assignments,
            Credits = list,
            Quotas = quotas,
            DrawBalances = balances,
            Fx = Fx(),
        };
    }

    public static FxRateTable Fx() => new(TenantId, "USD", [
        new FxRate(TenantId, "EUR", "USD", 1.0873m, new DateOnly(2026, 1, 1)),
        new FxRate(TenantId, "EUR", "USD", 1.0921m, new DateOnly(2026, 3, 15)),
    ]);
}
