using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Domain.Crediting;
using Spm.Domain.Currency;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Tenancy;

namespace Spm.Bench.Ingest;

/// <summary>
/// A bench tenant in the bench database: a VP, 10 directors, 25 managers each and 8 reps per manager (2,000
/// reps, three managers above each), direct + split + roll-up rules, EUR/USD rates and two fiscal years.
/// </summary>
internal sealed class BenchTenant
{
    public const int RepsPerManager = 8;

    public Guid TenantId { get; } = Guid.CreateVersion7();

    public List<Guid> Reps { get; } = [];

    /// <summary>
    /// A fresh, migrated bench database for the suite about to run (one suite per process). Every run used to add
    /// its tenants to the same database: by one evening's comp-live runs it held 20 GB (26 tenants, 17.7 million
    /// outbox rows), and later runs measured a bigger database than earlier ones.
    /// </summary>
    public static async Task<string> PrepareDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database ?? "spm_bench";
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var db = Context(connectionString, null);
        await db.Database.MigrateAsync(cancellationToken);
        return connectionString;
    }

    public static SpmDbContext Context(string connectionString, Guid? tenantId) =>
        new(new DbContextOptionsBuilder<SpmDbContext>().UseNpgsql(connectionString).Options, new FixedTenantContext(tenantId));

    public async Task CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var db = Context(connectionString, TenantId);
        var tenant = new Tenant(TenantId, "Bench", $"bench-{TenantId:N}"[..30], "UTC", "USD", 1);
        db.Tenants.Add(tenant);
        foreach (var year in new[] { 2025, 2026 })
        {
            db.Periods.AddRange(Period.Generate(TenantId, tenant.Calendar, year));
        }

        var hire = new DateOnly(2020, 1, 1);
        var vp = Person("VP", "USD", null, ParticipantRole.Manager);
        for (var d = 0; d < 10; d++)
        {
            var director = Person($"Director {d}", "USD", vp, ParticipantRole.Manager);
            for (var m = 0; m < 25; m++)
            {
                var manager = Person($"Manager {d}.{m}", d % 3 == 0 ? "EUR" : "USD", director, ParticipantRole.Manager);
                for (var r = 0; r < RepsPerManager; r++)
                {
                    Reps.Add(Person($"Rep {d}.{m}.{r}", r % 4 == 0 ? "EUR" : "USD", manager, ParticipantRole.Rep).Id);
                }
            }
        }

        var from = new DateOnly(2024, 1, 1);
        db.CreditingRules.AddRange(
            CreditingRules.ToStored(new CreditRule(Guid.NewGuid(), TenantId, "owner", CreditRuleKind.Direct, 10, from), DateTimeOffset.UtcNow),
            CreditingRules.ToStored(new CreditRule(Guid.NewGuid(), TenantId, "co-sellers", CreditRuleKind.Split, 20, from), DateTimeOffset.UtcNow),
            CreditingRules.ToStored(new CreditRule(Guid.NewGuid(), TenantId, "managers", CreditRuleKind.Rollup, 40, from), DateTimeOffset.UtcNow));
        db.FxRates.AddRange(
            new FxRate(TenantId, "EUR", "USD", 1.0873m, from),
            new FxRate(TenantId, "EUR", "USD", 1.0921m, new DateOnly(2025, 1, 1)));
        await db.SaveChangesAsync(cancellationToken);

        Participant Person(string name, string currency, Participant? manager, ParticipantRole role)
        {
            var person = new Participant(Guid.CreateVersion7(), TenantId, name, $"{name.Replace(' ', '.').ToLowerInvariant()}@bench.example", role, hire, currency);
            if (manager is not null)
            {
                person.ReportTo(manager.Id, _ => null);
            }

            db.Participants.Add(person);
            return person;
        }
    }

    /// <summary>The rep's team-mate next along (same manager), for two-way splits.</summary>
    public Guid TeamMate(int repIndex) => Reps[(repIndex / RepsPerManager * RepsPerManager) + ((repIndex + 1) % RepsPerManager)];
}
