using Microsoft.EntityFrameworkCore;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Tenancy;

namespace Spm.Api.Tests.Infrastructure;

/// <summary>
/// A migrated database of its own for one test class, dropped afterwards, plus the in-process
/// API on it. Tests inside a class isolate themselves by creating their own tenants.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string DatabaseName { get; } = $"spm_test_{Guid.NewGuid():N}"[..30];

    public string ConnectionString => TestServers.PostgresDatabase(DatabaseName);

    public SpmApiFactory Api { get; private set; } = null!;


    public async Task InitializeAsync()
    {
        await TestServers.CreateDatabaseAsync(DatabaseName);
        await using (var db = CreateContext(null))
        {
            await db.Database.MigrateAsync();
        }

        Api = new SpmApiFactory(ConnectionString, TestServers.Redis);
    }

    public async Task DisposeAsync()
    {
        // Nothing to clean up when the servers were unreachable: InitializeAsync already failed loudly.
        if (Api is null)
        {
            return;
        }

        await Api.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await TestServers.DropDatabaseAsync(DatabaseName);
    }

    /// <summary>A context acting as <paramref name="tenantId"/> (null: no tenant, filters hide everything).</summary>
    public SpmDbContext CreateContext(Guid? tenantId) =>
        new(new DbContextOptionsBuilder<SpmDbContext>().UseNpgsql(ConnectionString).Options, new FixedTenantContext(tenantId));
}
