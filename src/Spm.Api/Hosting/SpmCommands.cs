using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Identity;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Seeding;
using Spm.Infrastructure.Tenancy;

namespace Spm.Api.Hosting;

/// <summary>One-shot tasks run by ./spm through the same configured host as the API.</summary>
internal static class SpmCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        switch (args[0])
        {
            case "migrate":
                await using (var db = CreateContext(app))
                {
                    await db.Database.MigrateAsync(cancel.Token);
                }

                Console.WriteLine("Database is at the latest migration.");
                return true;
            case "seed-demo":
                await using (var db = CreateContext(app))
                {
                    var id = await new DemoTenantSeeder(db, TimeProvider.System).SeedAsync(cancel.Token);
                    Console.WriteLine($"Demo tenant '{DemoTenantSeeder.Slug}' is present ({id}).");
                    await using var scope = app.Services.CreateAsyncScope();
                    var dataDirectory = SpmConfigurationKeys.Require(app.Configuration, SpmConfigurationKeys.DataDirectory);
                    Uri[] baseUrls = OptionValue(args, "--base-url") is { } baseUrl ? [new Uri(baseUrl)] : [];
                    await new IdentitySeeder(scope.ServiceProvider, dataDirectory, baseUrls)
                        .SeedAsync(id, cancel.Token);
                    Console.WriteLine($"Demo clients and users are present; secrets in {Path.Combine(dataDirectory, "secrets")}.");
                }

                return true;
            case "print-schema":
                var path = args.Length > 1 ? args[1] : throw new ArgumentException("usage: print-schema FILE");
                var schema = app.Services.GetRequiredService<ISchema>();
                schema.Initialize();
                await File.WriteAllTextAsync(path, SchemaText(schema), cancel.Token);
                return true;
            case "demo-access":
                Console.Write(DemoAccess.Describe(
                    SpmConfigurationKeys.Require(app.Configuration, SpmConfigurationKeys.DataDirectory),
                    OptionValue(args, "--base-url") ?? "http://127.0.0.1:5080"));
                return true;
            default:
                throw new ArgumentException($"Unknown command '{args[0]}'. Commands: migrate, seed-demo [--base-url URL], print-schema FILE, demo-access.");
        }
    }

    /// <summary>The SDL as checked in at schema/schema.graphql (descriptions included, LF endings).</summary>
    public static string SchemaText(ISchema schema) =>
        schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";

    private static string? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1].TrimEnd('/') : null;
    }

    private static SpmDbContext CreateContext(WebApplication app)
    {
        // No caller here, hence no tenant: the seeder crosses tenants on purpose.
        var options = new DbContextOptionsBuilder<SpmDbContext>()
            .UseNpgsql(app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>())
            .Options;
        return new SpmDbContext(options, new FixedTenantContext(null));
    }
}
