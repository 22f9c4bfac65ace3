using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Features.PersistedDocuments;
using Spm.Api.Identity;
using Spm.GraphQL.AspNetCore;
using Spm.Infrastructure.PersistedDocuments;
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
                    await new IdentitySeeder(scope.ServiceProvider, dataDirectory)
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
            case "register-documents":
                await RegisterDocumentsAsync(app, args[1..], cancel.Token);
                return true;
            default:
                throw new ArgumentException($"Unknown command '{args[0]}'. Commands: migrate, seed-demo, print-schema FILE, demo-access, register-documents FILE....");
        }
    }

    /// <summary>
    /// Registers global persisted documents (shipped with the product, usable by every tenant),
    /// one operation document per *.graphql file. Every file is checked first; one bad file
    /// registers nothing. Prints each file's id; already registered texts keep theirs.
    /// </summary>
    private static async Task RegisterDocumentsAsync(WebApplication app, string[] files, CancellationToken cancellationToken)
    {
        if (files.Length == 0)
        {
            throw new ArgumentException("usage: register-documents FILE.graphql...");
        }

        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var maxLength = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphQLTransportOptions>>().Value.MaxDocumentLength;
        var texts = new List<string>();
        var problems = new List<string>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                problems.Add($"{file}: no such file.");
                continue;
            }

            var text = await File.ReadAllTextAsync(file, cancellationToken);
            texts.Add(text);
            if (await PersistedDocumentValidator.ProblemAsync(schema, text, maxLength, cancellationToken) is { } problem)
            {
                problems.Add($"{file}: {problem}");
            }
            else if (GraphQLParser.Parser.Parse(text).Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().Count() != 1)
            {
                problems.Add($"{file}: a file must hold exactly one operation.");
            }
        }

        if (problems.Count > 0)
        {
            await Console.Error.WriteLineAsync("Nothing was registered:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
            Environment.ExitCode = 1;
            return;
        }

        await using var db = CreateContext(app);
        var (ids, added) = await PersistedDocumentRegistry.AddAsync(db, tenantId: null, texts, "spm", TimeProvider.System.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        for (var i = 0; i < files.Length; i++)
        {
            Console.WriteLine($"{ids[i]}  {files[i]}");
        }

        Console.WriteLine($"{added.Count} new, {files.Length - added.Count} already registered.");
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
