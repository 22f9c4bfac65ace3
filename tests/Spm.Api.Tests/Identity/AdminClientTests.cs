using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using Spm.Api.Identity;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Tests.Identity;

/// <summary>The client administration mutations, called with a real admin token, and their effect on the token endpoint.</summary>
public sealed class AdminClientTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly HttpClient http = fixture.Factory.CreateClient();

    [Fact]
    public async Task Created_client_gets_tokens_with_its_role_and_scopes_and_the_secret_is_stored_hashed()
    {
        var admin = await AdminTokenAsync();

        var created = (await TokenClient.GraphQLDataAsync(http, admin, """
            mutation { createClient(input: {name: "Payroll export", role: PARTNER, scopes: ["spm.read"]}) {
              client { id clientId name role scopes persistedDocumentsOnly createdAt revokedAt } clientSecret errors { code } } }
            """)).GetProperty("createClient");
        var client = created.GetProperty("client");
        var clientId = client.GetProperty("clientId").GetString()!;
        var secret = created.GetProperty("clientSecret").GetString()!;

        Assert.Empty(created.GetProperty("errors").EnumerateArray());
        Assert.StartsWith("payroll-export-", clientId, StringComparison.Ordinal);
        Assert.Equal("PARTNER", client.GetProperty("role").GetString());
        Assert.Equal(["spm.read"], client.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.False(client.GetProperty("persistedDocumentsOnly").GetBoolean());
        Assert.Equal(JsonValueKind.Null, client.GetProperty("revokedAt").ValueKind);
        Assert.Equal(40, secret.Length);

        var token = await TokenClient.GetAccessTokenAsync(http, clientId, secret);
        var me = (await TokenClient.GraphQLDataAsync(http, token, "{ me { subject kind role scopes tenant { slug } participant { id } } }")).GetProperty("me");
        Assert.Equal(clientId, me.GetProperty("subject").GetString());
        Assert.Equal("CLIENT", me.GetProperty("kind").GetString());
        Assert.Equal("PARTNER", me.GetProperty("role").GetString());
        Assert.Equal(["spm.read"], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("tenant-a", me.GetProperty("tenant").GetProperty("slug").GetString());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("participant").ValueKind);

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        // OpenIddict keeps only a hash: the clear secret is nowhere in the row.
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        var stored = (await db.Set<OpenIddictEntityFrameworkCoreApplication>().SingleAsync(a => a.ClientId == clientId)).ClientSecret;
        Assert.NotNull(stored);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);

        var listed = await TokenClient.GraphQLDataAsync(http, admin, "{ clients { clientId } }");
        Assert.Contains(listed.GetProperty("clients").EnumerateArray(), c => c.GetProperty("clientId").GetString() == clientId);
        Assert.DoesNotContain(secret, listed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persisted_only_client_is_marked_for_the_transport_and_refused_free_form_queries()
    {
        var admin = await AdminTokenAsync();
        var created = (await TokenClient.GraphQLDataAsync(http, admin, """
            mutation { createClient(input: {name: "Screen feed", role: PARTNER, scopes: ["leaderboards.read"], persistedDocumentsOnly: true}) {
              client { clientId persistedDocumentsOnly } clientSecret } }
            """)).GetProperty("createClient");
        var clientId = created.GetProperty("client").GetProperty("clientId").GetString()!;

        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var properties = await applications.GetPropertiesAsync((await applications.FindByClientIdAsync(clientId))!);
            Assert.Equal("true", properties[SpmClientProperties.PersistedOnly].GetString());
        }

        Assert.True(created.GetProperty("client").GetProperty("persistedDocumentsOnly").GetBoolean());
        var token = await TokenClient.GetAccessTokenAsync(http, clientId, created.GetProperty("clientSecret").GetString()!);
        using var response = await TokenClient.GraphQLAsync(http, token, "{ me { kind } }");
        Assert.Contains("PERSISTED_DOCUMENT_REQUIRED", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotating_the_secret_retires_the_old_one()
    {
        var admin = await AdminTokenAsync();
        var (id, clientId, oldSecret) = await CreateAsync(admin, "Rotated");

        var rotated = (await TokenClient.GraphQLDataAsync(http, admin, $"mutation {{ rotateClientSecret(input: {{id: \"{id}\"}}) {{ clientSecret errors {{ code }} }} }}")).GetProperty("rotateClientSecret");
        var newSecret = rotated.GetProperty("clientSecret").GetString()!;

        using var old = await TokenClient.RequestAsync(http, clientId, oldSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal("invalid_client", JsonDocument.Parse(await old.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.NotEqual(oldSecret, newSecret);
        await TokenClient.GetAccessTokenAsync(http, clientId, newSecret);
    }

    [Fact]
    public async Task A_revoked_client_gets_no_tokens_and_its_tokens_are_refused()
    {
        var admin = await AdminTokenAsync();
        var (id, clientId, secret) = await CreateAsync(admin, "Revoked");
        var token = await TokenClient.GetAccessTokenAsync(http, clientId, secret);
        await TokenClient.GraphQLDataAsync(http, token, "{ tenant { slug } }");

        var revoked = (await TokenClient.GraphQLDataAsync(http, admin, $"mutation {{ revokeClient(input: {{id: \"{id}\"}}) {{ client {{ revokedAt scopes }} errors {{ code }} }} }}")).GetProperty("revokeClient");

        Assert.Empty(revoked.GetProperty("errors").EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, revoked.GetProperty("client").GetProperty("revokedAt").ValueKind);
        using (var refused = await TokenClient.GraphQLAsync(http, token, "{ tenant { slug } }"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var again = await TokenClient.RequestAsync(http, clientId, secret);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("invalid_client", JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());

        // Revoking twice is a conflict, and a revoked client is no longer listed by default.
        var twice = (await TokenClient.GraphQLDataAsync(http, admin, $"mutation {{ revokeClient(input: {{id: \"{id}\"}}) {{ errors {{ code field }} }} }}")).GetProperty("revokeClient");
        Assert.Equal("CONFLICT", twice.GetProperty("errors")[0].GetProperty("code").GetString());
        var listed = await TokenClient.GraphQLDataAsync(http, admin, "{ active: clients { id } all: clients(includeRevoked: true) { id } }");
        Assert.DoesNotContain(listed.GetProperty("active").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        Assert.Contains(listed.GetProperty("all").EnumerateArray(), c => c.GetProperty("id").GetString() == id);

        var audit = await TokenClient.GraphQLDataAsync(http, admin, $"{{ auditLog(first: 10, entityType: \"Client\", entityId: \"{clientId}\") {{ nodes {{ action actor actorRole before after }} }} }}");
        var actions = audit.GetProperty("auditLog").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["client.revoked", "client.created"], actions.Select(n => n.GetProperty("action").GetString()));
        Assert.Equal(IdentityFixture.AdminClientA, actions[0].GetProperty("actor").GetString());
        Assert.Equal("admin", actions[0].GetProperty("actorRole").GetString());
        Assert.Equal(JsonValueKind.Null, actions[1].GetProperty("before").ValueKind);
        Assert.Contains(clientId, actions[1].GetProperty("after").GetString()!, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, audit.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("role: DISPLAY, scopes: [\"leaderboards.read\"]", "INVALID_ROLE", "input.role")]
    [InlineData("role: FINANCE, scopes: [\"spm.read\"]", "INVALID_ROLE", "input.role")]
    [InlineData("role: PARTNER, scopes: [\"spm.read\", \"spm.write\"]", "INVALID_SCOPE", "input.scopes.1")]
    [InlineData("role: PARTNER, scopes: []", "REQUIRED", "input.scopes")]
    [InlineData("role: ADMIN, scopes: [\"spm.read\"], redirectUris: [\"http://dash.example.com/cb\"]", "INVALID_REDIRECT_URI", "input.redirectUris.0")]
    [InlineData("role: ADMIN, scopes: [\"spm.read\"], redirectUris: [\"https://dash.example.com/cb\", \"/relative\"]", "INVALID_REDIRECT_URI", "input.redirectUris.1")]
    public async Task Bad_input_is_refused_with_a_user_error_and_nothing_is_created(string input, string code, string field)
    {
        var admin = await AdminTokenAsync();
        var before = (await TokenClient.GraphQLDataAsync(http, admin, "{ clients(includeRevoked: true) { id } }")).GetProperty("clients").GetArrayLength();

        var payload = (await TokenClient.GraphQLDataAsync(http, admin, $"mutation {{ createClient(input: {{name: \"Bad\", {input}}}) {{ client {{ id }} clientSecret errors {{ code field }} }} }}")).GetProperty("createClient");

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("client").ValueKind);
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("clientSecret").ValueKind);
        Assert.Equal(code, payload.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(field, string.Join('.', payload.GetProperty("errors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString())));
        var after = (await TokenClient.GraphQLDataAsync(http, admin, "{ clients(includeRevoked: true) { id } }")).GetProperty("clients").GetArrayLength();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_dashboard_is_a_public_client_that_redirects_only_to_its_registered_uris()
    {
        var admin = await AdminTokenAsync();
        var created = (await TokenClient.GraphQLDataAsync(http, admin, """
            mutation { createClient(input: {name: "Sales wall", role: ADMIN, scopes: ["spm.read"], redirectUris: ["https://wall.example.com/callback"]}) {
              client { clientId } clientSecret errors { code } } }
            """)).GetProperty("createClient");
        Assert.Equal(0, created.GetProperty("errors").GetArrayLength());
        // Browser apps cannot keep a secret, so none is issued.
        Assert.Equal(JsonValueKind.Null, created.GetProperty("clientSecret").ValueKind);
        var clientId = created.GetProperty("client").GetProperty("clientId").GetString()!;

        using var browser = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var sign = new BrowserSignIn(browser);
        string Authorize(string redirect) => $"/connect/authorize?client_id={clientId}&response_type=code&scope=spm.read&state=s"
            + $"&redirect_uri={Uri.EscapeDataString(redirect)}&code_challenge={sign.Challenge}&code_challenge_method=S256";

        // The registered URI is accepted and the person is sent to sign in; any other is refused.
        using var accepted = await browser.GetAsync(new Uri(Authorize("https://wall.example.com/callback"), UriKind.Relative));
        using var refused = await browser.GetAsync(new Uri(Authorize("https://evil.example.com/callback"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.StartsWith("/account/login", accepted.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        // No client-credentials grant for it: it acts only for people.
        using var grant = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, grant.StatusCode);
    }

    [Fact]
    public async Task A_partner_token_cannot_manage_clients()
    {
        var token = await TokenClient.GetAccessTokenAsync(http, IdentityFixture.ClientA, fixture.SecretA);

        using var response = await TokenClient.GraphQLAsync(http, token, "{ clients { id } }");

        Assert.Contains("ACCESS_DENIED", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<string> AdminTokenAsync() => TokenClient.GetAccessTokenAsync(http, IdentityFixture.AdminClientA, fixture.AdminSecretA);

    private async Task<(string Id, string ClientId, string Secret)> CreateAsync(string admin, string name)
    {
        var created = (await TokenClient.GraphQLDataAsync(http, admin, $"mutation {{ createClient(input: {{name: \"{name}\", role: PARTNER, scopes: [\"spm.read\"]}}) {{ client {{ id clientId }} clientSecret }} }}")).GetProperty("createClient");
        return (created.GetProperty("client").GetProperty("id").GetString()!, created.GetProperty("client").GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!);
    }
}
