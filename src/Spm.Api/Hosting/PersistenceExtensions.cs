using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Tenancy;

namespace Spm.Api.Hosting;

internal static class PersistenceExtensions
{
    public static WebApplicationBuilder AddSpmPersistence(this WebApplicationBuilder builder)
    {
        var connectionString = SpmConfigurationKeys.Require(builder.Configuration, SpmConfigurationKeys.Postgres);
        // One data source per process: it owns the connection pool for EF and raw SQL alike.
        builder.Services.AddSingleton(_ => SpmDataSource.Create(connectionString));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ITenantContext, HttpTenantContext>();
        // Scoped factory: GraphQL resolvers run in parallel, so each batch load opens its own
        // context, yet every context still sees the request's tenant.
        builder.Services.AddDbContextFactory<SpmDbContext>(
            (services, options) => options.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>()),
            ServiceLifetime.Scoped);
        return builder;
    }
}
