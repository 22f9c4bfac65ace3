using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Spm.GraphQL.AspNetCore.Persisted;
using Spm.GraphQL.AspNetCore.Tests.Infrastructure;

namespace Spm.GraphQL.AspNetCore.Tests;

public sealed class PersistedDocumentTests
{
    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task<(TestHost Host, string Id)> StartWithDocumentAsync(Action<GraphQLTransportOptions>? configure = null)
    {
        var store = new InMemoryPersistedDocumentStore();
        var id = store.Add("{ hello }");
        var host = await TestHost.StartAsync(configure, s => s.AddSingleton<IPersistedDocumentStore>(store));
        return (host, id);
    }

    [Fact]
    public void Document_id_is_sha256_of_the_text()
        => Assert.Equal("sha256:" + Sha256("{ hello }"), InMemoryPersistedDocumentStore.ComputeId("{ hello }"));

    [Fact]
    public async Task Known_document_id_runs_over_post_and_get()
    {
        var (host, id) = await StartWithDocumentAsync();
        await using (host)
        {
            var post = await host.PostAsync(new { documentId = id });
            Assert.Equal(HttpStatusCode.OK, post.Status);
            Assert.Equal("world", post.Data.GetProperty("hello").GetString());

            var get = await host.GetAsync("?documentId=" + Uri.EscapeDataString(id));
            Assert.Equal("world", get.Data.GetProperty("hello").GetString());
        }
    }

    [Fact]
    public async Task Unknown_document_id_is_an_error()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { documentId = "sha256:" + new string('a', 64) });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("PERSISTED_DOCUMENT_NOT_FOUND", response.FirstErrorCode);
    }

    [Theory]
    [InlineData("md5:abc")]
    [InlineData("sha256:xyz")]
    public async Task Malformed_document_id_is_an_error(string id)
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { documentId = id });
        Assert.Equal("INVALID_DOCUMENT_ID", response.FirstErrorCode);
    }

    [Fact]
    public async Task Query_and_document_id_together_are_refused()
    {
        var (host, id) = await StartWithDocumentAsync();
        await using (host)
        {
            var response = await host.PostAsync(new { query = "{ hello }", documentId = id });
            Assert.Equal("INVALID_REQUEST", response.FirstErrorCode);
        }
    }

    [Fact]
    public async Task Persisted_only_client_is_refused_a_raw_query_but_served_a_document_id()
    {
        var (host, id) = await StartWithDocumentAsync();
        await using (host)
        {
            const string claims = "graphql_persisted_only=true";
            var raw = await host.PostAsync(new { query = "{ hello }" }, user: "tv", claims: claims);
            Assert.Equal(HttpStatusCode.BadRequest, raw.Status);
            Assert.Equal("PERSISTED_DOCUMENT_REQUIRED", raw.FirstErrorCode);

            var persisted = await host.PostAsync(new { documentId = id }, user: "tv", claims: claims);
            Assert.Equal("world", persisted.Data.GetProperty("hello").GetString());

            var otherClient = await host.PostAsync(new { query = "{ hello }" }, user: "dev");
            Assert.Equal(HttpStatusCode.OK, otherClient.Status);
        }
    }

    [Fact]
    public async Task Automatic_persisted_query_flow()
    {
        await using var host = await TestHost.StartAsync();
        const string query = "{ echo(text: \"apq\") }";
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = Sha256(query) } };

        var miss = await host.PostAsync(new { extensions });
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", miss.FirstErrorCode);
        Assert.Equal("PersistedQueryNotFound", miss.FirstErrorMessage);

        var register = await host.PostAsync(new { query, extensions });
        Assert.Equal(HttpStatusCode.OK, register.Status);
        Assert.Equal("apq", register.Data.GetProperty("echo").GetString());

        var hit = await host.PostAsync(new { extensions });
        Assert.Equal(HttpStatusCode.OK, hit.Status);
        Assert.Equal("apq", hit.Data.GetProperty("echo").GetString());

        var getHit = await host.GetAsync("?extensions=" + Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(extensions)));
        Assert.Equal("apq", getHit.Data.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Automatic_persisted_query_with_a_wrong_hash_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        var response = await host.PostAsync(new { query = "{ hello }", extensions = new { persistedQuery = new { version = 1, sha256Hash = Sha256("{ other }") } } });
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", response.FirstErrorCode);
    }
}
