using Spm.Domain.Common;
using Spm.Domain.Compensation;
using Spm.Domain.Crediting;

namespace Spm.Domain.Tests.Compensation;

/// <summary>The stored form of a plan: parsing, refusals naming the JSON path, and writing back.</summary>
public sealed class CompPlanJsonTests
{
    private const string Document = """
        {
          "planId": "0195f2a4-0000-7000-8000-000000000001",
          "version": 3,
          "name": "AE 2026",
          "currency": "USD",
          "effectiveFrom": "2026-01-01",
          "effectiveTo": null,
          "totalCap": "250000",
          "components": [
            { "type": "COMMISSION", "id": "core", "name": "Core", "method": "RETROACTIVE", "creditTypes": ["DIRECT", "SPLIT"], "gate": 0.5, "cap": 40000,
              "rateTables": [ { "tiers": [ { "from": 0, "rate": 0.05 }, { "from": 1, "rate": 0.08 } ] },
                              { "product": "SERVICES", "tiers": [ { "from": 0, "rate": 0.02 } ] } ] },
            { "type": "BONUS", "id": "qb", "name": "Quarter bonus", "frequency": "QUARTER",
              "thresholds": [ { "attainment": 1, "amount": 5000 }, { "attainment": 1.2, "percentOfTargetIncentive": 0.1 } ] },
            { "type": "SPIFF", "id": "w", "name": "Widgets", "products": ["WIDGET"], "from": "2026-03-01", "to": "2026-03-31", "basis": "PER_UNIT", "amount": 50 },
            { "type": "DRAW", "id": "d", "name": "Ramp draw", "amount": 3000, "recoverable": false },
            { "type": "CLAWBACK", "id": "cb", "name": "Clawback", "windowDays": 90, "appliesTo": ["core"] }
          ]
        }
        """;

    [Fact]
    public void A_document_becomes_the_plan_records()
    {
        var plan = CompPlanJson.Parse(Document);

        Assert.Equal((3, "AE 2026", new DateOnly(2026, 1, 1), (decimal?)250_000m), (plan.Version, plan.Name, plan.EffectiveFrom, plan.TotalCap));
        var core = Assert.IsType<CommissionComponent>(plan.Components[0]);
        Assert.Equal((CommissionMethod.Retroactive, (decimal?)0.5m, (decimal?)40_000m), (core.Method, core.Gate, core.Cap));
        Assert.Equal([CreditType.Direct, CreditType.Split], core.CreditTypes);
        Assert.Equal([new RateTier(0m, 0.05m), new RateTier(1m, 0.08m)], core.RateTables[0].Tiers);
        Assert.Equal("SERVICES", core.RateTables[1].Product);
        var bonus = Assert.IsType<BonusComponent>(plan.Components[1]);
        Assert.Equal((BonusFrequency.Quarter, (decimal?)0.1m), (bonus.Frequency, bonus.Thresholds[1].PercentOfTargetIncentive));
        Assert.Equal(SpiffBasis.PerUnit, Assert.IsType<SpiffComponent>(plan.Components[2]).Basis);
        Assert.False(Assert.IsType<DrawComponent>(plan.Components[3]).Recoverable);
        Assert.Equal(["core"], Assert.IsType<ClawbackComponent>(plan.Components[4]).AppliesTo);
    }

    [Fact]
    public void Writing_and_reading_back_gives_the_same_document()
    {
        var once = CompPlanJson.Write(CompPlanJson.Parse(Document));
        var twice = CompPlanJson.Write(CompPlanJson.Parse(once));

        Assert.Equal(once, twice);
        Assert.Contains("\"method\": \"RETROACTIVE\"", once, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"rate\": 0.08", "\"rate\": -0.08", "$.components[0].rateTables[0].tiers[1].rate")]
    [InlineData("{ \"from\": 1, \"rate\": 0.08 }", "{ \"from\": 0, \"rate\": 0.08 }", "$.components[0].rateTables[0].tiers[1].from")]
    [InlineData("\"cap\": 40000", "\"capp\": 40000", "$.components[0].capp")]
    [InlineData("\"method\": \"RETROACTIVE\"", "\"method\": \"SOMETIMES\"", "$.components[0].method")]
    [InlineData("\"currency\": \"USD\"", "\"currency\": \"usd\"", "$.currency")]
    [InlineData("\"appliesTo\": [\"core\"]", "\"appliesTo\": [\"qb\"]", "$.components[4].appliesTo[0]")]
    [InlineData("{ \"attainment\": 1, \"amount\": 5000 }", "{ \"attainment\": 1 }", "$.components[1].thresholds[0].amount")]
    [InlineData("\"from\": \"2026-03-01\"", "\"from\": \"March\"", "$.components[2].from")]
    [InlineData("\"id\": \"w\"", "\"id\": \"core\"", "$.components[2].id")]
    [InlineData("\"type\": \"DRAW\"", "\"type\": \"LOAN\"", "$.components[3].type")]
    [InlineData("\"version\": 3", "\"version\": 3.5", "$.version")]
    public void A_bad_field_is_refused_naming_its_json_path(string find, string replace, string path)
    {
        var error = Assert.Throws<DomainException>(() => CompPlanJson.Parse(Document.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal(("COMP_PLAN_INVALID", path), (error.Code, error.Field));
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_is_refused_at_the_root()
    {
        var error = Assert.Throws<DomainException>(() => CompPlanJson.Parse("{ \"planId\": "));

        Assert.Equal(("COMP_PLAN_INVALID", "$"), (error.Code, error.Field));
    }
}
