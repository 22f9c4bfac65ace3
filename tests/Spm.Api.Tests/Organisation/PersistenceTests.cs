using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Seeding;
using Spm.Infrastructure.Tenancy;

namespace Spm.Api.Tests.Organisation;

public sealed class PersistenceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_create_every_table()
    {
        var name = $"spm_empty_{Guid.NewGuid():N}"[..28];
        await TestServers.CreateDatabaseAsync(name);
        try
        {
            var options = new DbContextOptionsBuilder<SpmDbContext>().UseNpgsql(TestServers.PostgresDatabase(name)).Options;
            await using var db = new SpmDbContext(options, new FixedTenantContext(null));
            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            var tables = await db.Database.SqlQueryRaw<string>(
                "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name").ToListAsync();
            Assert.Subset(tables.ToHashSet(), new HashSet<string> { "tenants", "teams", "participants", "periods" });
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await TestServers.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task Seeding_the_demo_tenant_twice_changes_nothing_and_is_the_same_everywhere()
    {
        Guid first, second;
        string before, after;
        await using (var db = fixture.CreateContext(null))
        {
            first = await new DemoTenantSeeder(db, Clock).SeedAsync(default);
            before = await FingerprintAsync(db);
        }

        await using (var db = fixture.CreateContext(null))
        {
            second = await new DemoTenantSeeder(db, Clock).SeedAsync(default);
            after = await FingerprintAsync(db);
        }

        Assert.Equal(first, second);
        Assert.Equal(before, after);
        // Fixed seed: the same ids on every machine (the first v7 id of 2026-01-01T00:00:00Z).
        Assert.Equal(Guid.Parse("019b76da-a800-763f-8b06-225c2dba5176"), first);

        await using var tenantDb = fixture.CreateContext(first);
        Assert.Equal(1 + 2 + 5 + (5 * DemoTenantSeeder.RepsPerRegion), await tenantDb.Participants.CountAsync());
        Assert.Equal(6, await tenantDb.Teams.CountAsync());
        Assert.Equal(34, await tenantDb.Periods.CountAsync()); // FY2026 and FY2027, 17 periods each
        var vp = await tenantDb.Participants.SingleAsync(p => p.Role == ParticipantRole.Executive);
        var managers = await tenantDb.Participants.Where(p => p.Role == ParticipantRole.Manager).ToListAsync();
        Assert.Equal(5, managers.Count);
        Assert.All(managers, m => Assert.Equal(vp.Id, m.ManagerId));
        foreach (var manager in managers)
        {
            Assert.Equal(DemoTenantSeeder.RepsPerRegion, await tenantDb.Participants.CountAsync(p => p.ManagerId == manager.Id));
        }
    }

    [Fact]
    public async Task The_database_refuses_a_cycle_in_the_manager_chain_whatever_writes_it()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 2);
        await using var db = fixture.CreateContext(org.TenantId);
        // Rep 01 reports to Mona; making Mona report to Rep 01 closes a loop.
        var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE participants SET manager_id = {org.RepIds[0]} WHERE id = {org.ManagerId}"));
        Assert.Equal("23514", error.SqlState);
        Assert.Equal("ck_participants_manager_id_acyclic", error.ConstraintName);
        Assert.Contains("HIERARCHY_CYCLE", error.MessageText, StringComparison.Ordinal);

        var self = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE participants SET manager_id = id WHERE id = {org.ManagerId}"));
        Assert.Equal("23514", self.SqlState);
        Assert.Null((await db.Participants.SingleAsync(p => p.Id == org.ManagerId)).ManagerId);
    }

    [Fact]
    public async Task The_database_refuses_a_cycle_in_the_team_hierarchy()
    {
        var org = await TestData.CreateTenantAsync(fixture, reps: 0);
        await using var db = fixture.CreateContext(org.TenantId);
        var child = new Team(Guid.CreateVersion7(), org.TenantId, "Child", org.TeamId, null);
        var grandChild = new Team(Guid.CreateVersion7(), org.TenantId, "Grandchild", child.Id, null);
        db.AddRange(child, grandChild);
        await db.SaveChangesAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE teams SET parent_team_id = {grandChild.Id} WHERE id = {org.TeamId}"));
        Assert.Equal("ck_teams_parent_team_id_acyclic", error.ConstraintName);
    }

    [Fact]
    public async Task Tenant_filter_hides_other_tenants_rows_and_a_context_without_tenant_sees_nothing()
    {
        var a = await TestData.CreateTenantAsync(fixture, reps: 3);
        var b = await TestData.CreateTenantAsync(fixture, reps: 1);
        await using var asA = fixture.CreateContext(a.TenantId);
        Assert.Equal(4, await asA.Participants.CountAsync());
        Assert.Null(await asA.Participants.SingleOrDefaultAsync(p => p.Id == b.RepIds[0]));
        await using var anonymous = fixture.CreateContext(null);
        Assert.Equal(0, await anonymous.Participants.CountAsync());
    }

    private static async Task<string> FingerprintAsync(SpmDbContext db)
    {
        var people = await db.Participants.IgnoreQueryFilters().OrderBy(p => p.Id)
            .Select(p => $"{p.Id}|{p.Name}|{p.Email}|{p.ManagerId}|{p.TeamId}|{p.HireDate}").ToListAsync();
        var teams = await db.Teams.IgnoreQueryFilters().OrderBy(t => t.Id).Select(t => $"{t.Id}|{t.Name}|{t.ParentTeamId}|{t.ManagerId}").ToListAsync();
        var periods = await db.Periods.IgnoreQueryFilters().OrderBy(p => p.Id).Select(p => $"{p.Id}|{p.Name}|{p.StartDate}").ToListAsync();
        return string.Join('\n', people.Concat(teams).Concat(periods));
    }
}
