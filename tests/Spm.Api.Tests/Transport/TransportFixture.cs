using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenIddict.Abstractions;
using Spm.Api.Hosting;
using Spm.Api.Identity;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Tests.Transport;

/// <summary>
/// The real host with real OpenIddict tokens (no test authentication) on its own database: two
/// tenants, three participants in A and one in B, and clients that exercise the transport's
/// policies. Budgets come from configuration exactly as in production.
/// </summary>
public sealed class TransportFixture : IAsyncLifetime
{
    public const string AdminA = "admin-a";
    public const string AdminB = "admin-b";
    public const string PartnerA = "partner-a";
    public const string PartnerB = "partner-b";
    public const string ScreenA = "screen-a";
    public const string TightClient = "tight-client";
    public const string FinanceClient = "finance-a";
    public const string MeteredClient = "metered-a";

    /// <summary>Client budget of <see cref="TightClient"/>: 5 points, never restored.</summary>
    public const int TightCapacity = 5;

    /// <summary>Role budget of finance: 7 points, never restored.</summary>
    public const int FinanceCapacity = 7;

    /// <summary>Client budget of <see cref="MeteredClient"/>: 1,000 points, never restored.</summary>
    public const int MeteredCapacity = 1_000;

    private readonly string databaseName = "spm_test_transport_" + Guid.NewGuid().ToString("N")[..12];
    private readonly Dictionary<string, string> secrets = [];
    private string adminConnectionString = string.Empty;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string RedisKeyPrefix { get; } = $"test:{Guid.NewGuid():N}:";

    public Guid TenantA { get; } = Guid.CreateVersion7();

    public Guid TenantB { get; } = Guid.CreateVersion7();

    public async Task InitializeAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("SPM_TEST_POSTGRES")
            ?? throw new InvalidOperationException("SPM_TEST_POSTGRES is not set: run the tests through ./spm test.");
        var redis = Environment.GetEnvironmentVariable("SPM_TEST_REDIS")
            ?? throw new InvalidOperationException("SPM_TEST_REDIS is not set: run the tests through ./spm test.");
        adminConnectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" }.ConnectionString;
        var connectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = databaseName }.ConnectionString;
        await ExecuteAdminAsync($"CREATE DATABASE \"{databaseName}\"");

        var settings = new Dictionary<string, string>
        {
            [SpmConfigurationKeys.Postgres] = connectionString,
            [SpmConfigurationKeys.Redis] = redis,
            [SpmConfigurationKeys.RedisKeyPrefix] = RedisKeyPrefix,
            ["Spm:GraphQL:DefaultBudget:Capacity"] = "1000000",
            [$"{SpmConfigurationKeys.GraphQLClientBudgets}:{TightClient}:Capacity"] = TightCapacity.ToString(CultureInfo.InvariantCulture),
            [$"{SpmConfigurationKeys.GraphQLClientBudgets}:{TightClient}:RestoreRatePerSecond"] = "0",
            [$"{SpmConfigurationKeys.GraphQLClientBudgets}:{MeteredClient}:Capacity"] = MeteredCapacity.ToString(CultureInfo.InvariantCulture),
            [$"{SpmConfigurationKeys.GraphQLClientBudgets}:{MeteredClient}:RestoreRatePerSecond"] = "0",
            [$"{SpmConfigurationKeys.GraphQLRoleBudgets}:finance:Capacity"] = FinanceCapacity.ToString(CultureInfo.InvariantCulture),
            [$"{SpmConfigurationKeys.GraphQLRoleBudgets}:finance:RestoreRatePerSecond"] = "0",
        };
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
        Http = Factory.CreateClient();

        await using var scope = Factory.Services.CreateAsyncScope();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            db.Tenants.AddRange(
                new Tenant(TenantA, "Tenant A", "tenant-a", "UTC", "USD", 1),
                new Tenant(TenantB, "Tenant B", "tenant-b", "UTC", "EUR", 1));
            foreach (var name in new[] { "Ann A", "Ben A", "Cat A" })
            {
                db.Participants.Add(new Participant(Guid.CreateVersion7(), TenantA, name, $"{name.Replace(' ', '.')}@a.example", ParticipantRole.Rep, new DateOnly(2024, 1, 2), "USD"));
            }

            db.Participants.Add(new Participant(Guid.CreateVersion7(), TenantB, "Zed B", "zed@b.example", ParticipantRole.Rep, new DateOnly(2024, 1, 2), "EUR"));
            await db.SaveChangesAsync();
        }

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await AddClientAsync(applications, AdminA, TenantA, "admin", [SpmScopes.Read, SpmScopes.Admin]);
        await AddClientAsync(applications, AdminB, TenantB, "admin", [SpmScopes.Read, SpmScopes.Admin]);
        await AddClientAsync(applications, PartnerA, TenantA, "partner", [SpmScopes.Read]);
        await AddClientAsync(applications, PartnerB, TenantB, "partner", [SpmScopes.Read]);
        await AddClientAsync(applications, ScreenA, TenantA, "partner", [SpmScopes.Read], persistedOnly: true);
        await AddClientAsync(applications, TightClient, TenantA, "partner", [SpmScopes.Read]);
        await AddClientAsync(applications, FinanceClient, TenantA, "finance", [SpmScopes.Read]);
        await AddClientAsync(applications, MeteredClient, TenantA, "partner", [SpmScopes.Read]);
    }

    /// <summary>A fresh access token from /connect/token (client credentials).</summary>
    public async Task<string> TokenAsync(string clientId)
    {
        using var response = await Http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secrets[clientId],
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>POSTs a GraphQL request body with the token; returns status, headers and parsed body.</summary>
    public async Task<TransportResponse> PostAsync(string token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        return await SendAsync(request);
    }

    public async Task<TransportResponse> GetAsync(string token, string queryString)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/graphql" + queryString, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        return await SendAsync(request);
    }

    private async Task<TransportResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new TransportResponse(response.StatusCode, headers, JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
    }

    /// <summary>A context on the fixture's database that sees every tenant (for assertions on stored rows).</summary>
    public async Task<SpmDbContext> CreateContextAsync()
    {
        var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
    }

    private async Task AddClientAsync(IOpenIddictApplicationManager applications, string clientId, Guid tenant, string role, string[] scopes, bool persistedOnly = false)
    {
        var secret = SpmClients.NewSecret();
        secrets[clientId] = secret;
        await SpmClients.CreateOrUpdateAsync(applications, clientId, secret, tenant, role, scopes, persistedOnly, default);
    }

    private async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
