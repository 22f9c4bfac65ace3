using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Spm.Api.Hosting;

namespace Spm.Api.Tests.Identity;

/// <summary>X-Forwarded-For counts only from configured proxies: the per-IP token limit then applies to the real client.</summary>
public sealed class ForwardedHeadersTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    [Fact]
    public async Task Behind_a_trusted_proxy_each_client_address_has_its_own_token_limit()
    {
        await using var app = Behind("10.0.0.1");
        using var http = app.CreateClient();

        var first = await StatusesAsync(http, "203.0.113.5", 3);
        var other = await StatusesAsync(http, "203.0.113.6", 1);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.Unauthorized], other);
    }

    [Fact]
    public async Task From_an_untrusted_peer_the_header_is_ignored()
    {
        await using var app = Behind("10.0.0.9");
        using var http = app.CreateClient();

        // A client rotating X-Forwarded-For does not escape the limit of its own address.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.AddRange(await StatusesAsync(http, $"198.51.100.{i}", 1));
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    /// <summary>The app trusting proxy 10.0.0.1, every request arriving from <paramref name="peer"/>.</summary>
    private WebApplicationFactory<Program> Behind(string peer) =>
        fixture.CreateFactory(new Dictionary<string, string>
        {
            [SpmConfigurationKeys.ForwardedHeadersKnownProxies] = "10.0.0.1",
            [SpmConfigurationKeys.TokenRequestsPerIp] = "2",
            [SpmConfigurationKeys.TokenRateLimitWindowSeconds] = "600",
        }).WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new PeerAddress(IPAddress.Parse(peer)))));

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient http, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/connect/token", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = "nobody-" + Guid.NewGuid().ToString("N"),
                    ["client_secret"] = "wrong",
                }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    /// <summary>TestServer has no real socket; this gives every request a remote address.</summary>
    private sealed class PeerAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate inner) =>
            {
                http.Connection.RemoteIpAddress = address;
                return inner(http);
            });
            next(app);
        };
    }
}
