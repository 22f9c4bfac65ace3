using Spm.Domain.Organisation;

namespace Spm.Api.Tests.Infrastructure;

/// <summary>Small, hand-made tenants for tests that need their own rows.</summary>
public static class TestData
{
    public sealed record SmallTenant(Guid TenantId, Guid TeamId, Guid ManagerId, IReadOnlyList<Guid> RepIds);

    /// <summary>A tenant with one team, its manager and <paramref name="reps"/> reps named Rep 01, Rep 02, ...</summary>
    public static async Task<SmallTenant> CreateTenantAsync(DatabaseFixture fixture, int reps = 3, int fiscalYearStartMonth = 1)
    {
        var tenantId = Guid.CreateVersion7();
        await using var db = fixture.CreateContext(tenantId);
        db.Tenants.Add(new Tenant(tenantId, $"Test {tenantId:N}"[..20], $"t{tenantId:N}"[..30], "Europe/London", "EUR", fiscalYearStartMonth));
        var team = new Team(Guid.CreateVersion7(), tenantId, "Team One", null, null);
        var manager = new Participant(Guid.CreateVersion7(), tenantId, "Mona Manager", $"mona.{tenantId:N}@example.com", ParticipantRole.Manager, new DateOnly(2020, 1, 6), "EUR");
        manager.JoinTeam(team.Id);
        db.AddRange(team, manager);
        var ids = new List<Guid>();
        for (var i = 1; i <= reps; i++)
        {
            var rep = new Participant(Guid.CreateVersion7(), tenantId, $"Rep {i:00}", $"rep{i}.{tenantId:N}@example.com", ParticipantRole.Rep, new DateOnly(2024, 3, i), "EUR");
            rep.ReportTo(manager.Id, _ => null);
            rep.JoinTeam(team.Id);
            db.Add(rep);
            ids.Add(rep.Id);
        }

        await db.SaveChangesAsync();
        team.SetManager(manager.Id);
        await db.SaveChangesAsync();
        return new SmallTenant(tenantId, team.Id, manager.Id, ids);
    }
}
