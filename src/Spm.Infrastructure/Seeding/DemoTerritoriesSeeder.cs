using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Spm.Domain.Accounts;
using Spm.Domain.Common;
using Spm.Domain.Organisation;
using Spm.Domain.Territories;
using Spm.Infrastructure.Persistence;

namespace Spm.Infrastructure.Seeding;

/// <summary>
/// Gives the demo tenant a market: about 4,000 accounts in real cities and postal areas of the US, Canada, the UK,
/// Germany, Australia, Brazil and Mexico, and a region > area > territory hierarchy mirroring the five sales teams,
/// with rules on country, state, postal prefix, industry and company size. Each region's twelve reps own one territory
/// each (primary, 100 %), and two reps double as overlay specialists. A fixed seed makes it identical everywhere; it
/// does nothing when the tenant already has territories.
/// </summary>
public sealed class DemoTerritoriesSeeder(SpmDbContext db)
{
    public const int Seed = 20_261_123;
    public const int AccountCount = 4_000;
    public static readonly DateOnly Start = new(2025, 2, 1);

    private static readonly DateTimeOffset IdEpoch = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Industries =
    [
        "Manufacturing", "Software", "Healthcare", "Financial Services", "Retail", "Logistics", "Energy", "Automotive",
        "Food & Beverage", "Semiconductors", "Construction", "Education", "Telecommunications", "Agriculture",
    ];

    private static readonly string[] NameWords =
    [
        "Summit", "Harbor", "Pioneer", "Keystone", "Evergreen", "Granite", "Northstar", "Bluewater", "Redwood", "Silverline",
        "Ironbridge", "Lakeside", "Meridian", "Crescent", "Falcon", "Atlas", "Beacon", "Cobalt", "Horizon", "Juniper",
        "Orchard", "Prairie", "Quarry", "Riverside", "Sterling", "Timber", "Union", "Vanguard", "Westfield", "Zenith",
    ];

    private static readonly string[] NameKinds =
    [
        "Systems", "Industries", "Health", "Partners", "Foods", "Logistics", "Labs", "Works", "Group", "Solutions",
        "Manufacturing", "Energy", "Motors", "Analytics", "Supply", "Foundry",
    ];

    // Places: country, state/province, county, city, postal stem, latitude, longitude, weight (relative account count).
    private static readonly Place[] Places =
    [
        new("US", "NY", "New York County", "New York", "100", 40.7506m, -73.9972m, 12), new("US", "NY", "Kings County", "Brooklyn", "112", 40.6782m, -73.9442m, 5),
        new("US", "NY", "Albany County", "Albany", "122", 42.6526m, -73.7562m, 2), new("US", "MA", "Suffolk County", "Boston", "021", 42.3601m, -71.0589m, 7),
        new("US", "CT", "Hartford County", "Hartford", "061", 41.7658m, -72.6734m, 2), new("US", "NJ", "Essex County", "Newark", "071", 40.7357m, -74.1724m, 3),
        new("US", "PA", "Philadelphia County", "Philadelphia", "191", 39.9526m, -75.1652m, 5), new("US", "PA", "Allegheny County", "Pittsburgh", "152", 40.4406m, -79.9959m, 3),
        new("US", "FL", "Miami-Dade County", "Miami", "331", 25.7617m, -80.1918m, 5), new("US", "FL", "Orange County", "Orlando", "328", 28.5384m, -81.3789m, 3),
        new("US", "GA", "Fulton County", "Atlanta", "303", 33.7490m, -84.3880m, 5), new("US", "NC", "Mecklenburg County", "Charlotte", "282", 35.2271m, -80.8431m, 3),
        new("US", "VA", "Richmond City", "Richmond", "232", 37.5407m, -77.4360m, 2), new("CA", "ON", "Toronto", "Toronto", "M5V", 43.6426m, -79.3871m, 8),
        new("CA", "ON", "Ottawa", "Ottawa", "K1P", 45.4215m, -75.6972m, 3), new("CA", "QC", "Montréal", "Montréal", "H3B", 45.5017m, -73.5673m, 4),
        new("CA", "NS", "Halifax", "Halifax", "B3H", 44.6488m, -63.5752m, 1), new("US", "CA", "San Francisco County", "San Francisco", "941", 37.7749m, -122.4194m, 8),
        new("US", "CA", "Santa Clara County", "San Jose", "951", 37.3382m, -121.8863m, 6), new("US", "CA", "Los Angeles County", "Los Angeles", "900", 34.0522m, -118.2437m, 8),
        new("US", "CA", "San Diego County", "San Diego", "921", 32.7157m, -117.1611m, 3), new("US", "WA", "King County", "Seattle", "981", 47.6062m, -122.3321m, 5),
        new("US", "OR", "Multnomah County", "Portland", "972", 45.5152m, -122.6784m, 3), new("US", "CO", "Denver County", "Denver", "802", 39.7392m, -104.9903m, 3),
        new("US", "AZ", "Maricopa County", "Phoenix", "850", 33.4484m, -112.0740m, 3), new("US", "TX", "Travis County", "Austin", "787", 30.2672m, -97.7431m, 4),
        new("US", "TX", "Dallas County", "Dallas", "752", 32.7767m, -96.7970m, 5), new("US", "IL", "Cook County", "Chicago", "606", 41.8781m, -87.6298m, 7),
        new("CA", "BC", "Metro Vancouver", "Vancouver", "V6B", 49.2827m, -123.1207m, 4), new("CA", "AB", "Calgary", "Calgary", "T2P", 51.0447m, -114.0719m, 3),
        new("GB", "England", "City of London", "London", "EC1A", 51.5202m, -0.0977m, 5), new("GB", "England", "Westminster", "London", "SW1A", 51.5014m, -0.1419m, 4),
        new("GB", "England", "Westminster", "London", "W1D", 51.5136m, -0.1320m, 3), new("GB", "England", "Greater Manchester", "Manchester", "M1", 53.4808m, -2.2426m, 4),
        new("GB", "England", "West Midlands", "Birmingham", "B1", 52.4862m, -1.8904m, 3), new("GB", "England", "Bristol", "Bristol", "BS1", 51.4545m, -2.5879m, 2),
        new("GB", "England", "West Yorkshire", "Leeds", "LS1", 53.8008m, -1.5491m, 2), new("GB", "Scotland", "City of Edinburgh", "Edinburgh", "EH1", 55.9533m, -3.1883m, 2),
        new("GB", "Scotland", "Glasgow City", "Glasgow", "G1", 55.8642m, -4.2518m, 2), new("DE", "Berlin", "Berlin", "Berlin", "101", 52.5200m, 13.4050m, 5),
        new("DE", "Hamburg", "Hamburg", "Hamburg", "200", 53.5511m, 9.9937m, 4), new("DE", "Bayern", "München", "München", "803", 48.1351m, 11.5820m, 5),
        new("DE", "Bayern", "Nürnberg", "Nürnberg", "904", 49.4521m, 11.0767m, 2), new("DE", "Baden-Württemberg", "Stuttgart", "Stuttgart", "701", 48.7758m, 9.1829m, 4),
        new("DE", "Hessen", "Frankfurt am Main", "Frankfurt am Main", "603", 50.1109m, 8.6821m, 4), new("DE", "Nordrhein-Westfalen", "Köln", "Köln", "506", 50.9375m, 6.9603m, 4),
        new("AU", "NSW", "City of Sydney", "Sydney", "200", -33.8688m, 151.2093m, 5), new("AU", "NSW", "Parramatta", "Parramatta", "215", -33.8150m, 151.0011m, 2),
        new("AU", "NSW", "Newcastle", "Newcastle", "230", -32.9283m, 151.7817m, 1), new("AU", "ACT", "Canberra", "Canberra", "260", -35.2809m, 149.1300m, 1),
        new("AU", "VIC", "City of Melbourne", "Melbourne", "300", -37.8136m, 144.9631m, 4), new("AU", "VIC", "Geelong", "Geelong", "322", -38.1499m, 144.3617m, 1),
        new("AU", "VIC", "Ballarat", "Ballarat", "335", -37.5622m, 143.8503m, 1), new("AU", "QLD", "Brisbane", "Brisbane", "400", -27.4698m, 153.0251m, 3),
        new("AU", "QLD", "Gold Coast", "Gold Coast", "421", -28.0167m, 153.4000m, 1), new("AU", "SA", "Adelaide", "Adelaide", "500", -34.9285m, 138.6007m, 1),
        new("AU", "WA", "Perth", "Perth", "600", -31.9505m, 115.8605m, 2), new("AU", "TAS", "Hobart", "Hobart", "700", -42.8821m, 147.3272m, 1),
        new("BR", "SP", "São Paulo", "São Paulo", "013", -23.5614m, -46.6559m, 5), new("BR", "SP", "São Paulo", "São Paulo", "045", -23.5868m, -46.6818m, 3),
        new("BR", "SP", "Campinas", "Campinas", "130", -22.9099m, -47.0626m, 2), new("BR", "RJ", "Rio de Janeiro", "Rio de Janeiro", "200", -22.9068m, -43.1729m, 3),
        new("BR", "MG", "Belo Horizonte", "Belo Horizonte", "301", -19.9167m, -43.9345m, 2), new("BR", "PR", "Curitiba", "Curitiba", "800", -25.4284m, -49.2733m, 2),
        new("BR", "RS", "Porto Alegre", "Porto Alegre", "900", -30.0346m, -51.2177m, 1), new("MX", "CDMX", "Cuauhtémoc", "Ciudad de México", "066", 19.4270m, -99.1677m, 4),
        new("MX", "CDMX", "Benito Juárez", "Ciudad de México", "031", 19.3720m, -99.1590m, 2), new("MX", "MEX", "Toluca", "Toluca", "500", 19.2826m, -99.6557m, 1),
        new("MX", "NL", "Monterrey", "Monterrey", "640", 25.6866m, -100.3161m, 3), new("MX", "JAL", "Guadalajara", "Guadalajara", "441", 20.6597m, -103.3496m, 2),
    ];

    // Territory ids draw from their own sequence so adding accounts to the demo does not renumber territories.
    private readonly Random idRandom = new(Seed + 1);
    private long idCounter;

    /// <summary>Seeds the tenant's market unless it already has territories.</summary>
    public async Task SeedAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (await db.Territories.IgnoreQueryFilters().AnyAsync(t => t.TenantId == tenantId, cancellationToken))
        {
            return;
        }

        var random = new Random(Seed);
        var teams = await db.Teams.IgnoreQueryFilters().Where(t => t.TenantId == tenantId).ToListAsync(cancellationToken);
        var people = await db.Participants.IgnoreQueryFilters().Where(p => p.TenantId == tenantId).ToListAsync(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Accounts.AddRange(Accounts(tenantId, random));

        var order = 0;
        foreach (var region in Design())
        {
            var regionTerritory = Territory(tenantId, region.Name, "region", null, order++, region.Rules);
            var reps = people
                .Where(p => p.Role == ParticipantRole.Rep && p.TeamId == teams.SingleOrDefault(t => t.Name == region.Name)?.Id)
                .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).ToList();
            var leafIndex = 0;
            var areaOrder = 0;
            foreach (var area in region.Areas)
            {
                var areaTerritory = Territory(tenantId, area.Name, "area", regionTerritory.Id, areaOrder++, area.Rules);
                var leafOrder = 0;
                foreach (var (name, rules) in area.Leaves)
                {
                    var leaf = Territory(tenantId, name, "territory", areaTerritory.Id, leafOrder++, rules);
                    if (leafIndex < reps.Count)
                    {
                        var rep = reps[leafIndex];
                        var from = rep.HireDate > Start ? rep.HireDate : Start;
                        db.TerritoryAssignments.Add(new TerritoryParticipant(NextId(random), tenantId, leaf.Id, rep.Id, TerritoryRole.Primary, 100m, from, null));
                    }

                    leafIndex++;
                }

                // The last rep of NA West and of EMEA also cover an area as overlay specialists (Pacific, DACH).
                if (area.Name is "Pacific" or "DACH" && reps.Count > 0)
                {
                    var specialist = reps[^1];
                    var from = specialist.HireDate > Start ? specialist.HireDate : Start;
                    db.TerritoryAssignments.Add(new TerritoryParticipant(NextId(random), tenantId, areaTerritory.Id, specialist.Id, TerritoryRole.Overlay, 100m, from, null));
                }
            }
        }

        // Validate the design with the engine before it is saved: a broken demo should fail here, loudly.
        TerritoryHierarchy.Create(db.ChangeTracker.Entries<Territory>().Select(e => e.Entity.Definition()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private Territory Territory(Guid tenantId, string name, string level, Guid? parentId, int priority, RuleExpression[] rules)
    {
        var territory = new Territory(NextId(idRandom), tenantId, name, level, parentId, priority, Start, null);
        territory.SetRules(rules, RuleMatch.All);
        db.Territories.Add(territory);
        return territory;
    }

    private List<Account> Accounts(Guid tenantId, Random random)
    {
        var totalWeight = Places.Sum(p => p.Weight);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var accounts = new List<Account>(AccountCount);
        for (var i = 1; i <= AccountCount; i++)
        {
            var pick = random.Next(totalWeight);
            var place = Places.First(p => (pick -= p.Weight) < 0);
            string name;
            do
            {
                name = $"{NameWords[random.Next(NameWords.Length)]} {NameKinds[random.Next(NameKinds.Length)]}";
                if (random.Next(3) == 0)
                {
                    name = $"{place.City} {name}";
                }

                name += Suffix(place.Country);
            }
            while (!names.Add(name) && names.Count < 50_000);

            var employees = Employees(random);
            var prospect = random.Next(10) < 3;
            var revenue = prospect ? 0m : employees * (200 + random.Next(1300)) / 100 * 100m;
            var potential = (long)employees * (2000 + random.Next(6000)) / 100 * 100m;
            var located = random.Next(10) < 7;
            var data = new AccountData(
                $"ACME-{i:000000}",
                name,
                place.Country,
                place.Region,
                place.County,
                place.City,
                PostalCode(place, random),
                Industries[random.Next(Industries.Length)],
                employees,
                revenue,
                potential,
                located ? place.Latitude + (random.Next(-500, 501) / 10_000m) : null,
                located ? place.Longitude + (random.Next(-500, 501) / 10_000m) : null,
                null).Normalise();
            accounts.Add(new Account(NextId(random), tenantId, data));
        }

        return accounts;
    }

    private static int Employees(Random random) => random.Next(100) switch
    {
        < 55 => random.Next(5, 50),
        < 85 => random.Next(50, 500),
        < 97 => random.Next(500, 5_000),
        _ => random.Next(5_000, 60_000),
    };

    private static string Suffix(string country) => country switch
    {
        "US" => " Inc.",
        "CA" => " Ltd.",
        "GB" => " Ltd",
        "DE" => " GmbH",
        "AU" => " Pty Ltd",
        "BR" => " Ltda.",
        _ => " S.A. de C.V.",
    };

    private static string PostalCode(Place place, Random random)
    {
        string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => random.Next(10).ToString(CultureInfo.InvariantCulture)));
        char Letter() => "ABDEFGHJLNPQRSTUWXYZ"[random.Next(20)];
        return place.Country switch
        {
            "US" => place.Stem + Digits(2),
            "CA" => $"{place.Stem} {random.Next(10)}{Letter()}{random.Next(10)}",
            "GB" => $"{place.Stem} {random.Next(10)}{Letter()}{Letter()}",
            "DE" => place.Stem + Digits(2),
            "AU" => place.Stem + Digits(1),
            "BR" => $"{place.Stem}{Digits(2)}-{Digits(3)}",
            _ => place.Stem + Digits(2),
        };
    }

    private Guid NextId(Random random) => GuidV7.Create(IdEpoch.ToUnixTimeMilliseconds() + idCounter++, random);

    private static RuleExpression Country(params string[] codes) => codes.Length == 1 ? new EqualsRule("country", codes[0]) : new InListRule("country", codes);

    private static InListRule States(params string[] states) => new("state", states);

    private static PostalPrefixRule Prefix(params string[] prefixes) => new(prefixes);

    private static InListRule Industry(params string[] industries) => new("industry", industries);

    private static RangeRule Enterprise() => new("employeeCount", 1_000m, null);

    private static (string, RuleExpression[]) Leaf(string name, params RuleExpression[] rules) => (name, rules);

    /// <summary>Region > area > territory, in rule order. Each region has twelve leaves, one per rep of its team.</summary>
    private static Region[] Design() =>
    [
        new("North America East", [new AnyOfRule([new AllOfRule([Country("US"), States("NY", "MA", "CT", "NJ", "PA", "FL", "GA", "NC", "VA")]), new AllOfRule([Country("CA"), States("ON", "QC", "NS")])])],
        [
            new("Northeast", [States("NY", "MA", "CT", "NJ", "PA")],
            [
                Leaf("Northeast Enterprise", Enterprise()), Leaf("New York City", Prefix("100", "101", "102", "103", "104", "110", "111", "112", "113", "114")),
                Leaf("New England", Prefix("01", "02", "03", "04", "05", "06")), Leaf("Mid-Atlantic", Prefix("07", "08", "15", "16", "17", "18", "19")),
                Leaf("Upstate New York", Prefix("12", "13", "14")),
            ]),
            new("Southeast", [States("FL", "GA", "NC", "VA")],
            [
                Leaf("Southeast Enterprise", Enterprise()), Leaf("Florida", Prefix("32", "33", "34")),
                Leaf("Georgia & Carolinas", Prefix("27", "28", "29", "30", "31")), Leaf("Virginia", Prefix("22", "23", "24")),
            ]),
            new("Eastern Canada", [Country("CA")],
            [
                Leaf("Toronto", Prefix("M")), Leaf("Ontario", Prefix("K", "L", "N", "P")), Leaf("Quebec & Atlantic", Prefix("H", "G", "J", "B")),
            ]),
        ]),
        new("North America West", [new AnyOfRule([new AllOfRule([Country("US"), States("CA", "WA", "OR", "CO", "AZ", "TX", "IL")]), new AllOfRule([Country("CA"), States("BC", "AB")])])],
        [
            new("Pacific", [States("CA", "WA", "OR")],
            [
                Leaf("Pacific Enterprise", Enterprise()), Leaf("Bay Area Technology", Prefix("94", "95"), Industry("Software", "Semiconductors")),
                Leaf("Bay Area", Prefix("94", "95")), Leaf("Southern California", Prefix("90", "91", "92", "93")), Leaf("Pacific Northwest", Prefix("97", "98", "99")),
            ]),
            new("Central", [States("CO", "AZ", "TX", "IL")],
            [
                Leaf("Central Enterprise", Enterprise()), Leaf("Texas", States("TX")), Leaf("Mountain", States("CO", "AZ")), Leaf("Chicago", States("IL")),
            ]),
            new("Western Canada", [Country("CA")],
            [
                Leaf("Western Canada Enterprise", Enterprise()), Leaf("Vancouver", Prefix("V")), Leaf("Alberta", Prefix("T")),
            ]),
        ]),
        new("EMEA", [Country("GB", "DE")],
        [
            new("UK & Ireland", [Country("GB")],
            [
                Leaf("UK Enterprise", Enterprise()), Leaf("UK Financial Services", Industry("Financial Services")),
                Leaf("London", Prefix("EC", "WC", "SW1", "W1", "E1", "N1", "SE1")), Leaf("Northern England", Prefix("M", "LS")),
                Leaf("Midlands & South West", Prefix("B", "BS")), Leaf("Scotland", Prefix("EH", "G")),
            ]),
            new("DACH", [Country("DE")],
            [
                Leaf("DACH Enterprise", Enterprise()), Leaf("DACH Automotive", Industry("Automotive")), Leaf("Berlin & Hamburg", Prefix("1", "2")),
                Leaf("Bayern", States("Bayern")), Leaf("Baden-Württemberg", States("Baden-Württemberg")), Leaf("Rhein-Main & NRW", Prefix("4", "5", "6")),
            ]),
        ]),
        new("APAC", [Country("AU")],
        [
            new("Australia", [],
            [
                Leaf("ANZ Enterprise", Enterprise()), Leaf("Sydney CBD", Prefix("200")), Leaf("Greater Sydney", Prefix("21", "22")),
                Leaf("NSW Regional", Prefix("23", "24", "25", "27", "28", "29")), Leaf("Melbourne CBD", Prefix("300")), Leaf("Greater Melbourne", Prefix("31", "32")),
                Leaf("Victoria Regional", Prefix("33", "34", "35", "36", "37", "38", "39")), Leaf("Brisbane", Prefix("40", "41")),
                Leaf("Queensland Regional", Prefix("42", "43", "44", "45", "46", "47", "48", "49")), Leaf("Perth", Prefix("6")),
                Leaf("Adelaide", Prefix("5")), Leaf("ACT & Tasmania", Prefix("26", "7")),
            ]),
        ]),
        new("LATAM", [Country("BR", "MX")],
        [
            new("Brazil", [Country("BR")],
            [
                Leaf("Brazil Enterprise", Enterprise()), Leaf("São Paulo Capital", Prefix("01", "02", "03", "04", "05")), Leaf("São Paulo State", Prefix("1")),
                Leaf("Rio de Janeiro", Prefix("2")), Leaf("Minas Gerais", Prefix("3")), Leaf("Southern Brazil", Prefix("8", "9")),
            ]),
            new("Mexico", [Country("MX")],
            [
                Leaf("Mexico Enterprise", Enterprise()), Leaf("CDMX Centro", Prefix("06")), Leaf("CDMX Sur", Prefix("01", "03", "04")),
                Leaf("Estado de México", Prefix("5")), Leaf("Monterrey", Prefix("64", "66")), Leaf("Guadalajara", Prefix("44", "45")),
            ]),
        ]),
    ];

    private sealed record Place(string Country, string Region, string County, string City, string Stem, decimal Latitude, decimal Longitude, int Weight);

    private sealed record Area(string Name, RuleExpression[] Rules, (string Name, RuleExpression[] Rules)[] Leaves);

    private sealed record Region(string Name, RuleExpression[] Rules, Area[] Areas);
}
