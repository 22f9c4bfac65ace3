using Spm.Domain.Common;
using Spm.Domain.Compensation;
using static Spm.Domain.Tests.Compensation.CompWorld;

namespace Spm.Domain.Tests.Compensation;

/// <summary>What-if: a draft plan version over a past period against the published one, per participant and in total.</summary>
public sealed class RunComparisonTests
{
    [Fact]
    public void A_draft_version_is_compared_per_participant_and_in_total()
    {
        // Published: 5 % flat. Draft (version 2, pinned): 6 % flat. Rep: 10,000 -> 500.00 vs 600.00 (+100.00).
        // Manager: 20,000 -> 1,000.00 vs 1,200.00 (+200.00). Totals 1,500.00 vs 1,800.00.
        var published = Plan(Flat(0.05m));
        var draft = Plan(Flat(0.06m)) with { Version = 2, EffectiveFrom = D(7, 1) };
        CompCredit[] credits = [Credit(1, 10_000m, D(1, 10)), Credit(2, 20_000m, D(1, 12), participant: Manager)];
        var input = new CompensationInput
        {
            Period = Jan,
            Plans = [published, draft],
            Assignments = [Assign(Rep, published), Assign(Manager, published, n: 2)],
            Credits = credits,
        };
        var whatIf = input with { Assignments = [.. input.Assignments.Select(a => a with { PlanVersion = 2 })] };

        var comparison = RunComparison.Compare(CompensationEngine.Calculate(input), CompensationEngine.Calculate(whatIf));

        Assert.Equal([(Rep, 500.00m, 600.00m, 100.00m), (Manager, 1_000.00m, 1_200.00m, 200.00m)], comparison.Participants.Select(p => (p.ParticipantId, p.BaselinePayout, p.CandidatePayout, p.PayoutDelta)));
        Assert.Equal((1_500.00m, 1_800.00m), (comparison.BaselineByCurrency["USD"], comparison.CandidateByCurrency["USD"]));
    }

    [Fact]
    public void A_credit_without_a_valid_currency_is_refused_as_a_domain_error()
    {
        var input = Input(Jan, Plan(Flat(0.05m)), [Credit(1, 100m, D(1, 10), currency: "eur")]);

        Assert.Equal("INVALID_CURRENCY", Assert.Throws<DomainException>(() => Statement(input)).Code);
    }
}
