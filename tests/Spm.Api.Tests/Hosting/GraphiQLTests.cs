using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Spm.Api.Tests.Infrastructure;

namespace Spm.Api.Tests.Hosting;

/// <summary>
/// GraphiQL at GET /graphql for browsers, from the folder ./spm builds (clients/graphiql/dist),
/// while every GraphQL request keeps its JSON behaviour.
/// </summary>
public sealed class GraphiQLTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static string BuiltDirectory
    {
        get
        {
            var directory = RepositoryRoot.File("clients", "graphiql", "dist");
            return File.Exists(Path.Combine(directory, "index.html"))
                ? directory
                : throw new InvalidOperationException($"GraphiQL is not built in {directory}: run the tests with ./spm test, which builds it.");
        }
    }

    private WebApplicationFactory<Program> App(string directory) =>
        fixture.Api.WithWebHostBuilder(b => b.UseSetting("Spm:GraphiQL:Directory", directory));

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_browser_gets_the_GraphiQL_page_anonymously()
    {
        using var client = App(BuiltDirectory).CreateClient();

        using var response = await GetAsync(client, "/graphql", BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"graphiql\">", html, StringComparison.Ordinal);
        // Only local assets: the page must work without internet access.
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/graphiql/main.js", "text/javascript")]
    [InlineData("/graphiql/main.css", "text/css")]
    [InlineData("/graphiql/callback.html", "text/html")]
    [InlineData("/graphiql/callback.js", "text/javascript")]
    public async Task Its_assets_are_served_anonymously(string path, string mediaType)
    {
        using var client = App(BuiltDirectory).CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0);
    }

    [Fact]
    public async Task Files_outside_the_build_are_not_served()
    {
        using var client = App(BuiltDirectory).CreateClient();

        using var missing = await client.GetAsync(new Uri("/graphiql/nope.js", UriKind.Relative));
        using var traversal = await client.GetAsync(new Uri("/graphiql/..%2Fpackage.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }

    [Fact]
    public async Task A_missing_build_says_how_to_build_it()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), "spm-no-graphiql-" + Guid.NewGuid().ToString("N"));
        using var client = App(nowhere).CreateClient();

        using var response = await GetAsync(client, "/graphql", BrowserAccept);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("./spm up", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_GET_with_a_query_is_still_GraphQL()
    {
        using var client = App(BuiltDirectory).CreateClient();

        using var anonymous = await GetAsync(client, "/graphql?query=%7B__typename%7D", BrowserAccept);
        client.DefaultRequestHeaders.Add("X-Test-Tenant", Guid.NewGuid().ToString());
        using var authenticated = await GetAsync(client, "/graphql?query=%7B__typename%7D", BrowserAccept);

        // The page is only for requests without a GraphQL request; the endpoint being anonymous
        // for the page must not let anonymous GraphQL through.
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.NotEqual("text/html", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
        Assert.Equal("application/json", authenticated.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await authenticated.Content.ReadAsStringAsync())!;
        Assert.Equal("Query", body["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task JSON_clients_are_unchanged()
    {
        using var client = App(BuiltDirectory).CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-Tenant", Guid.NewGuid().ToString());

        using var noAccept = await client.GetAsync(new Uri("/graphql", UriKind.Relative));
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json"),
        };
        post.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var posted = await client.SendAsync(post);

        // A GET without a query and without text/html is a GraphQL request error (200 for
        // application/json, as legacy clients expect), not the page.
        Assert.Equal(HttpStatusCode.OK, noAccept.StatusCode);
        Assert.Equal("application/json", noAccept.Content.Headers.ContentType?.MediaType);
        var error = JsonNode.Parse(await noAccept.Content.ReadAsStringAsync())!;
        Assert.Null(error["data"]);
        Assert.Equal("INVALID_REQUEST", error["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("application/graphql-response+json", posted.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Query", JsonNode.Parse(await posted.Content.ReadAsStringAsync())!["data"]!["__typename"]!.GetValue<string>());
    }
}
