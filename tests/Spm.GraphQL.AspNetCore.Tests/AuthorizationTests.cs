using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Spm.GraphQL.AspNetCore.Execution;
using Spm.GraphQL.AspNetCore.Tests.Infrastructure;

namespace Spm.GraphQL.AspNetCore.Tests;

public sealed class AuthorizationTests
{
    private const string SecretClaim = "scope=secret";

    [Fact]
    public async Task Anonymous_caller_is_denied_a_policy_field_with_403_at_its_path()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "{ hello secret }" });
        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("ACCESS_DENIED", response.FirstErrorCode);
        Assert.Equal("Access denied: Authentication is required.", response.FirstErrorMessage);
        Assert.Equal("secret", response.Json.GetProperty("errors")[0].GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task Denial_is_200_for_legacy_json_clients()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "{ secret }" }, "application/json");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("ACCESS_DENIED", response.FirstErrorCode);
    }

    [Fact]
    public async Task User_without_the_policy_is_denied_and_user_with_it_is_served()
    {
        await using var host = await TestHost.StartAsync();
        var denied = await host.PostAsync(new { query = "{ secret }" }, user: "bob");
        Assert.Equal("ACCESS_DENIED", denied.FirstErrorCode);
        Assert.Equal("Access denied: The policy 'Secret' is not satisfied.", denied.FirstErrorMessage);

        var allowed = await host.PostAsync(new { query = "{ secret }" }, user: "alice", claims: SecretClaim);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Equal("classified", allowed.Data.GetProperty("secret").GetString());
    }

    [Fact]
    public async Task Roles_are_enforced()
    {
        await using var host = await TestHost.StartAsync();
        var denied = await host.PostAsync(new { query = "{ adminNote }" }, user: "bob", roles: "rep");
        Assert.Equal("ACCESS_DENIED", denied.FirstErrorCode);
        var allowed = await host.PostAsync(new { query = "{ adminNote }" }, user: "ann", roles: "rep,admin");
        Assert.Equal("for admins", allowed.Data.GetProperty("adminNote").GetString());
    }

    [Theory]
    [InlineData("{ ...F } fragment F on Query { secret }")]
    [InlineData("{ ... on Query { secret } }")]
    [InlineData("{ ... { hello ... on Query { secret } } }")]
    [InlineData("{ node { ...N } } fragment N on Node { child { secret } }")]
    public async Task Fields_reached_through_fragments_are_enforced(string query)
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query }, user: "bob");
        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("ACCESS_DENIED", response.FirstErrorCode);
    }

    [Fact]
    public async Task Nested_denial_reports_the_aliased_path()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "{ n: node { c: child { secret } } }" }, user: "bob");
        var path = response.Json.GetProperty("errors")[0].GetProperty("path");
        Assert.Equal(["n", "c", "secret"], path.EnumerateArray().Select(p => p.GetString()!).ToArray());
    }

    [Theory]
    [InlineData("query($s: Boolean!) { hello secret @skip(if: $s) }", """{"s": true}""", true)]
    [InlineData("query($s: Boolean!) { hello secret @skip(if: $s) }", """{"s": false}""", false)]
    [InlineData("query($i: Boolean!) { hello secret @include(if: $i) }", """{"i": false}""", true)]
    [InlineData("query($i: Boolean!) { hello secret @include(if: $i) }", """{"i": true}""", false)]
    [InlineData("query($i: Boolean!) { hello ...F @include(if: $i) } fragment F on Query { secret }", """{"i": false}""", true)]
    [InlineData("query($s: Boolean!) { hello ... on Query @skip(if: $s) { secret } }", """{"s": true}""", true)]
    [InlineData("{ hello secret @skip(if: true) }", "{}", true)]
    public async Task Skipped_fields_are_not_enforced_and_included_ones_are(string query, string variables, bool allowed)
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(
            new { query, variables = System.Text.Json.JsonDocument.Parse(variables).RootElement },
            user: "bob");
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Equal("world", response.Data.GetProperty("hello").GetString());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.Status);
            Assert.Equal("ACCESS_DENIED", response.FirstErrorCode);
        }
    }

    [Fact]
    public async Task Cached_document_is_still_authorized_per_caller()
    {
        await using var host = await TestHost.StartAsync();
        const string query = "query($s: Boolean!) { hello secret @skip(if: $s) }";

        // The first, allowed run puts the document into the cache.
        var warm = await host.PostAsync(new { query, variables = new { s = true } }, user: "bob");
        Assert.Equal(HttpStatusCode.OK, warm.Status);
        Assert.Equal(1, host.Services.GetRequiredService<DocumentCache>().Count);

        for (var i = 0; i < 2; i++)
        {
            var denied = await host.PostAsync(new { query, variables = new { s = false } }, user: "bob");
            Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
            Assert.Equal("ACCESS_DENIED", denied.FirstErrorCode);
        }

        var allowed = await host.PostAsync(new { query, variables = new { s = false } }, user: "alice", claims: SecretClaim);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Equal("classified", allowed.Data.GetProperty("secret").GetString());
        Assert.Equal(1, host.Services.GetRequiredService<DocumentCache>().Count);
    }

    [Fact]
    public async Task Same_document_twice_denied_both_times_then_allowed_for_the_policy_holder()
    {
        await using var host = await TestHost.StartAsync();
        const string query = "{ hello secret }";
        var allowed = await host.PostAsync(new { query }, user: "alice", claims: SecretClaim);
        Assert.Equal("classified", allowed.Data.GetProperty("secret").GetString());

        var first = await host.PostAsync(new { query }, user: "bob");
        var second = await host.PostAsync(new { query }, user: "bob");
        Assert.Equal("ACCESS_DENIED", first.FirstErrorCode);
        Assert.Equal("ACCESS_DENIED", second.FirstErrorCode);

        var again = await host.PostAsync(new { query }, user: "alice", claims: SecretClaim);
        Assert.Equal("classified", again.Data.GetProperty("secret").GetString());
    }
}
