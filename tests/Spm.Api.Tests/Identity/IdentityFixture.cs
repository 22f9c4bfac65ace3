using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenIddict.Abstractions;
using Spm.Api.Hosting;
using Spm.Api.Identity;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Identity;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Tests.Identity;

/// <summary>
/// The real host on its own database (spm_test_identity_*), with two tenants, one participant in
/// tenant A and a partner client per tenant. Unreachable servers fail the tests, never skip them.
/// </summary>
public sealed class IdentityFixture : IAsyncLifetime
{
    public const string ClientA = "client-a";
    public const string ClientB = "client-b";
    public const string WebClient = "test-web";
    public const string AdminClientA = "admin-a";
    public const string TvClient = "test-tv";
    public const string ManagerA = "mary";
    public const string UserA = "alice";
    public const string LockedUser = "lockme";

    public static readonly Uri RedirectUri = new("https://app.example/callback");

    private readonly string databaseName = "spm_test_identity_" + Guid.NewGuid().ToString("N")[..12];
    private string adminConnectionString = string.Empty;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public Guid TenantA { get; } = Guid.CreateVersion7();

    public Guid TenantB { get; } = Guid.CreateVersion7();

    public Guid ParticipantA { get; } = Guid.CreateVersion7();

    public string SecretA { get; } = SpmClients.NewSecret();

    public string SecretB { get; } = SpmClients.NewSecret();

    public string AdminSecretA { get; } = SpmClients.NewSecret();

    public string Password { get; } = SpmClients.NewSecret();

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("SPM_TEST_POSTGRES")
            ?? throw new InvalidOperationException("SPM_TEST_POSTGRES is not set: run the tests through ./spm test.");
        var redis = Environment.GetEnvironmentVariable("SPM_TEST_REDIS")
            ?? throw new InvalidOperationException("SPM_TEST_REDIS is not set: run the tests through ./spm test.");
        adminConnectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" }.ConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = databaseName }.ConnectionString;
        await ExecuteAdminAsync($"CREATE DATABASE \"{databaseName}\"");

        Factory = CreateFactory(new Dictionary<string, string>());
        await using var scope = Factory.Services.CreateAsyncScope();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            db.Tenants.AddRange(
                new Tenant(TenantA, "Tenant A", "tenant-a", "UTC", "USD", 1),
                new Tenant(TenantB, "Tenant B", "tenant-b", "UTC", "EUR", 1));
            db.Participants.Add(new Participant(ParticipantA, TenantA, "Alice Able", "alice@a.example", ParticipantRole.Rep, new DateOnly(2024, 1, 2), "USD"));
            await db.SaveChangesAsync();
        }

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await SpmClients.CreateOrUpdateAsync(applications, ClientA, SecretA, TenantA, "partner", [SpmScopes.Read, SpmScopes.LeaderboardsRead], default);
        await SpmClients.CreateOrUpdateAsync(applications, ClientB, SecretB, TenantB, "partner", [SpmScopes.Read], default);
        await SpmClients.CreateOrUpdatePublicClientAsync(applications, WebClient, [RedirectUri], SpmScopes.All, default);
        await SpmClients.CreateOrUpdateAsync(applications, AdminClientA, AdminSecretA, TenantA, "admin", SpmScopes.All, default);
        await SpmClients.CreateOrUpdateDeviceClientAsync(applications, TvClient, default);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SpmUser>>();
        foreach (var name in new[] { UserA, LockedUser })
        {
            var result = await users.CreateAsync(
                new SpmUser { Id = Guid.CreateVersion7(), UserName = name, TenantId = TenantA, ParticipantId = ParticipantA, Role = "rep" }, Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        var manager = await users.CreateAsync(new SpmUser { Id = Guid.CreateVersion7(), UserName = ManagerA, TenantId = TenantA, Role = "manager" }, Password);
        Assert.True(manager.Succeeded, string.Join("; ", manager.Errors.Select(e => e.Description)));
    }

    /// <summary>Another host on the same database, with extra settings.</summary>
    public WebApplicationFactory<Program> CreateFactory(IReadOnlyDictionary<string, string> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting(SpmConfigurationKeys.Postgres, ConnectionString);
            builder.UseSetting(SpmConfigurationKeys.Redis, Environment.GetEnvironmentVariable("SPM_TEST_REDIS"));
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
    }

    private async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
