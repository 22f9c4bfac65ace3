using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Spm.GraphQL.AspNetCore.Tests.Infrastructure;

/// <summary>A running test server with the transport over <see cref="TestSchema"/>.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app)
    {
        _app = app;
        Server = app.GetTestServer();
        Client = Server.CreateClient();
    }

    public TestServer Server { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public EventSource Events => Services.GetRequiredService<EventSource>();

    public static async Task<TestHost> StartAsync(
        Action<GraphQLTransportOptions>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthentication(TestAuthHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
        builder.Services.AddAuthorization(o => o.AddPolicy("Secret", p => p.RequireClaim("scope", "secret")));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<EventSource>();
        builder.Services.AddSingleton<FetchCounter>();
        builder.Services.AddGraphQLTransport<TestSchema>(
            o =>
            {
                o.KeepAliveInterval = null;
                configure?.Invoke(o);
            },
            graphQL => graphQL.AddGraphTypes(typeof(TestSchema).Assembly));
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseWebSockets();
        app.UseAuthentication();
        app.MapGraphQL();
        await app.StartAsync();
        return new TestHost(app);
    }

    public Task<GraphQLHttpResponse> PostAsync(
        object body,
        string? accept = "application/graphql-response+json",
        string? user = null,
        string? claims = null,
        string? roles = null)
        => PostRawAsync(JsonSerializer.Serialize(body), "application/json", accept, user, claims, roles);

    public async Task<GraphQLHttpResponse> PostRawAsync(
        string body,
        string? contentType,
        string? accept = "application/graphql-response+json",
        string? user = null,
        string? claims = null,
        string? roles = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql");
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        AddHeaders(request, accept, user, claims, roles);
        return await SendAsync(request);
    }

    public async Task<GraphQLHttpResponse> GetAsync(string queryString, string? accept = "application/graphql-response+json", string? user = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql" + queryString);
        AddHeaders(request, accept, user, null, null);
        return await SendAsync(request);
    }

    public async Task<GraphQLHttpResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLHttpResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers, response.Content.Headers, text);
    }

    private static void AddHeaders(HttpRequestMessage request, string? accept, string? user, string? claims, string? roles)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (user is not null)
        {
            request.Headers.Add("X-Test-User", user);
        }

        if (claims is not null)
        {
            request.Headers.Add("X-Test-Claims", claims);
        }

        if (roles is not null)
        {
            request.Headers.Add("X-Test-Roles", roles);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
