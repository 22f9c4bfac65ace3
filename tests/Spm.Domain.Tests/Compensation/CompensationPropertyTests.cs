using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Spm.Domain.Compensation;
using Spm.Domain.Crediting;
using static Spm.Domain.Tests.Compensation.CompWorld;

namespace Spm.Domain.Tests.Compensation;

/// <summary>
/// Invariants over random credits and plans. FsCheck supplies amounts, rates and a seed; the seed builds the rest,
/// so a failure is reproducible from the reported arguments.
/// </summary>
public sealed class CompensationPropertyTests
{
    [Property(MaxTest = 300)]
    public void Earnings_never_decrease_when_a_credit_is_added_without_decelerators_or_caps(NonEmptyArray<PositiveInt> cents, PositiveInt added, NonEmptyArray<PositiveInt> rateSteps, bool retroactive, int seed)
    {
        var plan = Plan(Accelerating(rateSteps.Get, retroactive) with { Gate = 0.25m }, MonthBonus, DealSpiff);
        var random = new Random(seed);
        var credits = cents.Get.Take(40).Select((c, i) => Credit(i + 1, c.Get / 100m, D(1, random.Next(1, 32)))).ToList();
        var before = Statement(Input(Jan, plan, credits, quota: 1_000m)).Earnings;

        credits.Add(Credit(1_000 + random.Next(1_000), added.Get / 100m, D(1, random.Next(1, 32))));
        var after = Statement(Input(Jan, plan, credits, quota: 1_000m)).Earnings;

        Assert.True(after >= before, string.Create(CultureInfo.InvariantCulture, $"{before} -> {after}"));
    }

    [Property(MaxTest = 300)]
    public void Marginal_and_retroactive_agree_below_the_first_boundary(NonEmptyArray<PositiveInt> cents, NonEmptyArray<PositiveInt> rateSteps, int seed)
    {
        // First boundary at 50 % of a quota chosen above twice the total, so every credit is below it.
        var random = new Random(seed);
        var credits = cents.Get.Take(40).Select((c, i) => Credit(i + 1, c.Get / 100m, D(1, random.Next(1, 32)))).ToList();
        var quota = (credits.Sum(c => c.Amount) * 2m) + 0.02m;
        var marginal = Statement(Input(Jan, Plan(Accelerating(rateSteps.Get, retroactive: false)), credits, quota: quota));
        var retro = Statement(Input(Jan, Plan(Accelerating(rateSteps.Get, retroactive: true)), credits, quota: quota));

        Assert.Equal(marginal.Earnings, retro.Earnings);
        Assert.Equal(Dump(marginal), Dump(retro).Replace("retroactive", "marginal", StringComparison.Ordinal));
    }

    [Property(MaxTest = 100)]
    public void The_same_input_in_any_order_gives_the_same_statements(int seed)
    {
        var (input, random) = World(seed);
        var shuffled = input with
        {
            Credits = [.. input.Credits.OrderBy(_ => random.Next())],
            Assignments = [.. input.Assignments.OrderBy(_ => random.Next())],
            Quotas = [.. input.Quotas.OrderBy(_ => random.Next())],
            MaxDegreeOfParallelism = 1,
        };

        var a = CompensationEngine.Calculate(input);
        var b = CompensationEngine.Calculate(shuffled);

        Assert.Equal(Dump(a), Dump(b));
        Assert.Equal(a.PayoutByCurrency, b.PayoutByCurrency);
        Assert.All(a.Participants, p => Assert.Equal(Dump(p), Dump(Statement(input, p.ParticipantId))));
    }

    [Property(MaxTest = 200)]
    public void A_plan_survives_a_json_round_trip(int seed, NonEmptyArray<PositiveInt> rateSteps, bool retroactive)
    {
        var random = new Random(seed);
        var plan = Plan(
            Accelerating(rateSteps.Get, retroactive) with { Gate = random.Next(2) == 0 ? null : random.Next(100) / 100m, CreditTypes = [CreditType.Rollup] },
            MonthBonus with { Frequency = (BonusFrequency)random.Next(1, 4) },
            DealSpiff with { Basis = (SpiffBasis)random.Next(1, 3), Products = random.Next(2) == 0 ? [] : ["P" + random.Next(9)] },
            new DrawComponent { Id = "draw", Name = "Draw", Amount = random.Next(10_000) / 7m, Recoverable = random.Next(2) == 0 },
            new ClawbackComponent { Id = "clawback", Name = "Clawback", WindowDays = random.Next(365), AppliesTo = ["commission"] }) with
        {
            PlanId = new Guid(random.Next(), 1, 2, new byte[8]),
            EffectiveTo = random.Next(2) == 0 ? null : D(12, 31),
            PeriodCap = random.Next(2) == 0 ? null : random.Next(1_000_000) / 100m,
        };

        var json = CompPlanJson.Write(plan);
        var back = CompPlanJson.Parse(json);

        Assert.Equal(json, CompPlanJson.Write(back));
        Assert.Equal((plan.PlanId, plan.EffectiveTo, plan.PeriodCap), (back.PlanId, back.EffectiveTo, back.PeriodCap));
        Assert.Equal(((CommissionComponent)plan.Components[0]).RateTables[0].Tiers, ((CommissionComponent)back.Components[0]).RateTables[0].Tiers);
    }

    private static readonly BonusComponent MonthBonus = new()
    {
        Id = "bonus",
        Name = "Bonus",
        Thresholds = [new BonusThreshold { Attainment = 1m, Amount = 100m }, new BonusThreshold { Attainment = 2m, PercentOfTargetIncentive = 0.05m }],
    };

    private static readonly SpiffComponent DealSpiff = new() { Id = "spiff", Name = "SPIFF", From = D(1, 10), To = D(1, 20), Amount = 25m };

    // Tiers at 0 %, 50 %, 100 %, 150 %...: each rate at least the one before (accelerators, never decelerators).
    private static CommissionComponent Accelerating(PositiveInt[] steps, bool retroactive)
    {
        var rate = 0m;
        var tiers = steps.Take(5).Select((s, i) =>
        {
            rate += (s.Get % 500) / 10_000m;
            return (i * 0.5m, rate);
        }).ToArray();
        return Commission(retroactive ? CommissionMethod.Retroactive : CommissionMethod.Marginal, tiers);
    }

    private static (CompensationInput Input, Random Random) World(int seed)
    {
        var random = new Random(seed);
        var plan = Plan(
            Commission(CommissionMethod.Marginal, (0m, 0.03m), (0.7m, 0.05m), (1.2m, 0.04m)),
            MonthBonus,
            DealSpiff,
            new DrawComponent { Id = "draw", Name = "Draw", Amount = 500m },
            new ClawbackComponent { Id = "clawback", Name = "Clawback", WindowDays = 30 });
        var people = Enumerable.Range(1, 12).Select(i => new Guid(i, 7, 7, new byte[8])).ToArray();
        var credits = Enumerable.Range(1, 300).Select(i =>
        {
            var posted = D(1, random.Next(1, 32));
            return Credit(
                i,
                (random.Next(-20_000, 400_000) / 100m),
                posted,
                participant: people[random.Next(people.Length)],
                type: (CreditType)random.Next(1, 6),
                product: random.Next(3) == 0 ? "WIDGET" : null,
                cancelled: random.Next(10) == 0 ? posted.AddDays(random.Next(0, 40)) : null,
                sale: random.Next(1, 200));
        }).ToArray();
        var input = new CompensationInput
        {
            Period = Jan,
            Plans = [plan],
            Assignments = [.. people.Select((p, i) => Assign(p, plan, from: D(1, 1 + (i % 5)), targetIncentive: 12_000m, n: i + 1))],
            Credits = credits,
            Quotas = [.. people.Select(p => Quota(Jan, 10_000m + random.Next(20_000), p))],
            DrawBalances = [new DrawBalance(people[0], 300m, "USD")],
        };
        return (input, random);
    }

    private static string Dump(CompensationResult result) => string.Join("\n", result.Participants.Select(Dump));

    private static string Dump(ParticipantResult result)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{result.ParticipantId} {N(result.Earnings)} {N(result.Payout)} {N(result.DrawBalanceCarried)} {N(result.Credited)}\n");
        foreach (var l in result.Lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {l.Kind} {l.ComponentId} {l.Tier} {N(l.Basis)} {l.Rate} {N(l.Amount)} {l.Rule} [{string.Join(",", l.Sources.Select(s => s.CreditId + ":" + N(s.Basis)))}]\n");
        }

        return text.ToString();
    }

    // Equal decimals may differ in scale (0.10 and 0.1): compare values, not trailing zeros.
    private static string N(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
