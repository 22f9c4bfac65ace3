using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Tests.Infrastructure;

/// <summary>
/// The real API in-process, on the real servers, with header-based test authentication.
/// Each factory gets its own database, so test classes never see each other's rows.
/// </summary>
public class SpmApiFactory(string postgres, string redis) : WebApplicationFactory<Program>
{
    public const int TestBudgetCapacity = 1_000_000;

    public CommandCounter Commands { get; } = new();

    /// <summary>Every Redis key this app writes starts with it, so test apps never share keys.</summary>
    public string RedisKeyPrefix { get; } = $"test:{Guid.NewGuid():N}:";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", postgres);
        builder.UseSetting("ConnectionStrings:Redis", redis);
        builder.UseSetting("Spm:Redis:KeyPrefix", RedisKeyPrefix);
        // Contest tests move their own clock through starts and ends; a scheduler on the real clock would race them.
        builder.UseSetting("Spm:Contests:SchedulerEnabled", "false");
        // Runs left behind by a "dead node" (rows written by the test) are found by the worker's poll: poll often.
        builder.UseSetting("Spm:Compensation:Runs:PollInterval", "00:00:00.200");
        // Feature tests send many queries as one caller; a large bucket keeps them from being
        // throttled while budgets stay on the real Redis path (and the binding is tested).
        builder.UseSetting("Spm:GraphQL:DefaultBudget:Capacity", TestBudgetCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication(TestAuthHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = TestAuthHandler.SchemeName;
                o.DefaultAuthenticateScheme = TestAuthHandler.SchemeName;
                o.DefaultChallengeScheme = TestAuthHandler.SchemeName;
            });
            services.ConfigureDbContext<SpmDbContext>(o => o.AddInterceptors(Commands));
        });
    }

    /// <summary>A client acting as <paramref name="tenantId"/> with <paramref name="roles"/>.</summary>
    public HttpClient ClientFor(Guid tenantId, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-Tenant", tenantId.ToString());
        foreach (var role in roles)
        {
            client.DefaultRequestHeaders.Add("X-Test-Role", role);
        }

        return client;
    }
}
