using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Hosting;
using Spm.Api.Identity;

namespace Spm.Api.Tests.Identity;

public sealed class ClientCredentialsTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly HttpClient http = fixture.Factory.CreateClient();

    [Fact]
    public async Task Client_credentials_token_acts_for_the_clients_tenant()
    {
        var token = await TokenClient.GetAccessTokenAsync(http, IdentityFixture.ClientA, fixture.SecretA);

        var data = await TokenClient.GraphQLDataAsync(http, token, "{ tenant { slug } }");

        Assert.Equal("tenant-a", data.GetProperty("tenant").GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Token_response_is_a_bearer_token_with_the_clients_scopes()
    {
        using var response = await TokenClient.RequestAsync(http, IdentityFixture.ClientA, fixture.SecretA);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", json.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(["leaderboards.read", "spm.read"], json.RootElement.GetProperty("scope").GetString()!.Split(' ').Order(StringComparer.Ordinal));
        Assert.False(json.RootElement.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task Wrong_secret_is_refused_as_invalid_client()
    {
        using var response = await TokenClient.RequestAsync(http, IdentityFixture.ClientA, "not-the-secret");

        // OpenIddict answers a failed client authentication with 401, as RFC 6749 5.2 allows.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_client", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Unregistered_scope_is_refused()
    {
        using var response = await TokenClient.RequestAsync(http, IdentityFixture.ClientA, fixture.SecretA, SpmScopes.Admin);

        // OpenIddict answers invalid_request ("not allowed to use the specified scope").
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(json.RootElement.TryGetProperty("access_token", out _));
        Assert.Equal("invalid_request", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Graphql_without_a_token_is_401()
    {
        using var response = await TokenClient.GraphQLAsync(http, null, "{ tenant { slug } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Tampered_token_is_401()
    {
        var token = await TokenClient.GetAccessTokenAsync(http, IdentityFixture.ClientA, fixture.SecretA);
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        using var response = await TokenClient.GraphQLAsync(http, tampered, "{ tenant { slug } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_in_the_query_string_is_not_accepted()
    {
        var token = await TokenClient.GetAccessTokenAsync(http, IdentityFixture.ClientA, fixture.SecretA);

        using var response = await TokenClient.GraphQLAsync(http, null, "{ tenant { slug } }", "/graphql?access_token=" + Uri.EscapeDataString(token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_stays_anonymous()
    {
        using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Tenant_b_cannot_see_tenant_a_participants()
    {
        var tokenA = await TokenClient.GetAccessTokenAsync(http, IdentityFixture.ClientA, fixture.SecretA);
        var tokenB = await TokenClient.GetAccessTokenAsync(http, IdentityFixture.ClientB, fixture.SecretB);
        var id = GlobalId.Encode(ParticipantGraphType.TypeName, fixture.ParticipantA);
        var query = $"{{ participants(first: 5) {{ totalCount }} node(id: \"{id}\") {{ id }} }}";

        var seenByA = await TokenClient.GraphQLDataAsync(http, tokenA, query);
        var seenByB = await TokenClient.GraphQLDataAsync(http, tokenB, query);

        Assert.Equal(1, seenByA.GetProperty("participants").GetProperty("totalCount").GetInt32());
        Assert.Equal(id, seenByA.GetProperty("node").GetProperty("id").GetString());
        Assert.Equal(0, seenByB.GetProperty("participants").GetProperty("totalCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, seenByB.GetProperty("node").ValueKind);
    }

    [Fact]
    public async Task Deleted_client_gets_no_more_tokens()
    {
        var secret = SpmClients.NewSecret();
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            await SpmClients.CreateOrUpdateAsync(applications, "client-revoked", secret, fixture.TenantA, "partner", [SpmScopes.Read], default);
        }

        await TokenClient.GetAccessTokenAsync(http, "client-revoked", secret);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            await applications.DeleteAsync((await applications.FindByClientIdAsync("client-revoked"))!);
        }

        using var response = await TokenClient.RequestAsync(http, "client-revoked", secret);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_client", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_endpoint_is_rate_limited_per_client()
    {
        await using var limited = fixture.CreateFactory(new Dictionary<string, string>
        {
            [SpmConfigurationKeys.TokenRequestsPerClient] = "2",
            [SpmConfigurationKeys.TokenRateLimitWindowSeconds] = "600",
        });
        using var client = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await TokenClient.RequestAsync(client, IdentityFixture.ClientB, "wrong");
            statuses.Add(response.StatusCode);
        }

        using var otherClient = await TokenClient.RequestAsync(client, IdentityFixture.ClientA, fixture.SecretA);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
    }

    [Fact]
    public async Task Token_endpoint_is_rate_limited_per_ip()
    {
        await using var limited = fixture.CreateFactory(new Dictionary<string, string>
        {
            [SpmConfigurationKeys.TokenRequestsPerIp] = "2",
            [SpmConfigurationKeys.TokenRateLimitWindowSeconds] = "600",
        });
        using var client = limited.CreateClient();

        using var first = await TokenClient.RequestAsync(client, "x1", "wrong");
        using var second = await TokenClient.RequestAsync(client, "x2", "wrong");
        using var third = await TokenClient.RequestAsync(client, IdentityFixture.ClientA, fixture.SecretA);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }
}
