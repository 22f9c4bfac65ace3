using Spm.Domain.Territories;

namespace Spm.Domain.Tests.Territories;

/// <summary>Seeded generator of territory designs and accounts over small value domains, so rules overlap often.</summary>
internal sealed class RandomTerritories(int seed)
{
    private static readonly string[] Countries = ["US", "CA", "DE", "FR"];
    private static readonly string[] Regions = ["R1", "R2", "R3", "R4", "R5", "R6"];
    private static readonly string[] Cities = ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"];
    private static readonly string[] Industries = ["Retail", "Banking", "Energy", "Health"];
    private readonly Random random = new(seed);

    public List<TerritoryDefinition> Territories(int regions, int areasPerRegion, int leavesPerArea)
    {
        var result = new List<TerritoryDefinition>();
        var next = 1;
        for (var r = 0; r < regions; r++)
        {
            var region = new TerritoryDefinition(Guid(next++), $"R{r}", null, random.Next(3), new(2020, 1, 1), End(), MaybeRule(0.5));
            result.Add(region);
            for (var a = 0; a < areasPerRegion; a++)
            {
                var area = new TerritoryDefinition(Guid(next++), $"R{r}A{a}", region.Id, random.Next(3), new(2020, 1, 1), End(), MaybeRule(0.5));
                result.Add(area);
                for (var l = 0; l < leavesPerArea; l++)
                {
                    result.Add(new TerritoryDefinition(Guid(next++), $"R{r}A{a}L{l}", area.Id, random.Next(5), new(2020, 1, 1), End(), MaybeRule(0.95)));
                }
            }
        }

        return result;
    }

    public AccountAttributes Account(int id) => new(
        Guid(1_000_000 + id),
        Pick(Countries),
        Pick(Regions),
        random.Next(10) == 0 ? null : $"K{random.Next(4)}",
        Pick(Cities),
        random.Next(20) == 0 ? null : $"{random.Next(10)}{random.Next(10)}{random.Next(10)}{random.Next(10)}",
        Pick(Industries),
        random.Next(0, 1000),
        random.Next(0, 100) * 10_000m,
        random.Next(0, 100) * 1_000m);

    public RuleExpression Rule(int depth = 0)
    {
        var kind = random.Next(depth >= 2 ? 5 : 7);
        return kind switch
        {
            0 => new EqualsRule(Pick(["country", "region", "city", "industry", "county"]), PickValue()),
            1 => new InListRule(Pick(["region", "city", "industry", "state"]), [PickValue(), PickValue(), PickValue()]),
            2 => new PostalPrefixRule([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture) + (random.Next(2) == 0 ? random.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty))]),
            3 => new RangeRule(Pick(["employeeCount", "annualRevenue", "potential"]), random.Next(3) == 0 ? null : random.Next(0, 500), random.Next(3) == 0 ? 1_000_000m : random.Next(500, 1_000_000)),
            4 => new EqualsRule("country", Pick(Countries)),
            5 => new AllOfRule([Rule(depth + 1), Rule(depth + 1)]),
            _ => new AnyOfRule([Rule(depth + 1), Rule(depth + 1), Rule(depth + 1)]),
        };
    }

    private RuleExpression? MaybeRule(double probability) => random.NextDouble() < probability ? Rule() : null;

    private DateOnly? End() => random.Next(10) == 0 ? new DateOnly(2024, 12, 31) : null;

    private string PickValue() => random.Next(4) switch
    {
        0 => Pick(Regions),
        1 => Pick(Cities),
        2 => Pick(Industries),
        _ => Pick(Countries).ToLowerInvariant(),
    };

    private T Pick<T>(T[] values) => values[random.Next(values.Length)];

    public static Guid Guid(int n) => new(n, 0, 0, new byte[8]);
}
