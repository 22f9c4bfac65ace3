using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Spm.Api.Identity;

namespace Spm.Api.Tests.Identity;

/// <summary>The demo seed registers GraphiQL's public client for the code flow with PKCE.</summary>
public sealed class GraphiQLClientTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    [Fact]
    public async Task Seeding_registers_a_public_pkce_client_with_callbacks_for_each_base_url()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("spm-graphiql-seed-").FullName;
        try
        {
            await using var scope = fixture.Factory.Services.CreateAsyncScope();
            await new IdentitySeeder(scope.ServiceProvider, dataDirectory, [new Uri("http://127.0.0.1:5090")]).SeedAsync(fixture.TenantA, default);

            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var client = await applications.FindByClientIdAsync(DemoUsers.GraphiQLClientId);
            Assert.NotNull(client);
            Assert.Equal(OpenIddictConstants.ClientTypes.Public, await applications.GetClientTypeAsync(client));
            Assert.Contains(OpenIddictConstants.Requirements.Features.ProofKeyForCodeExchange, await applications.GetRequirementsAsync(client));
            var redirects = (await applications.GetRedirectUrisAsync(client)).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(
                [
                    "http://127.0.0.1:5080/graphiql/callback.html",
                    "http://127.0.0.1:5090/graphiql/callback.html",
                    "http://localhost:5080/graphiql/callback.html",
                    "http://localhost:5090/graphiql/callback.html",
                ],
                redirects);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
