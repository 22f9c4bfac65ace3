using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Spm.Api.Tests.Identity;

public sealed class AuthorizationCodeTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly HttpClient browser = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task Code_flow_with_pkce_gives_a_token_for_the_persons_tenant_and_a_working_refresh_token()
    {
        var flow = new BrowserSignIn(browser);
        var code = await flow.GetCodeAsync(IdentityFixture.UserA, fixture.Password);

        var (status, body) = await flow.ExchangeAsync(code, flow.Verifier);

        Assert.Equal(HttpStatusCode.OK, status);
        var data = await TokenClient.GraphQLDataAsync(browser, body.GetProperty("access_token").GetString()!, "{ tenant { slug } }");
        Assert.Equal("tenant-a", data.GetProperty("tenant").GetProperty("slug").GetString());

        using var refreshed = await browser.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = IdentityFixture.WebClient,
            ["refresh_token"] = body.GetProperty("refresh_token").GetString()!,
        }));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [Fact]
    public async Task Wrong_verifier_is_refused()
    {
        var flow = new BrowserSignIn(browser);
        var code = await flow.GetCodeAsync(IdentityFixture.UserA, fixture.Password);

        var (status, body) = await flow.ExchangeAsync(code, new BrowserSignIn(browser).Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Reused_code_is_refused()
    {
        var flow = new BrowserSignIn(browser);
        var code = await flow.GetCodeAsync(IdentityFixture.UserA, fixture.Password);
        var (first, _) = await flow.ExchangeAsync(code, flow.Verifier);

        var (second, body) = await flow.ExchangeAsync(code, flow.Verifier);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.BadRequest, second);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Authorization_without_pkce_is_refused()
    {
        var flow = new BrowserSignIn(browser);

        using var response = await browser.GetAsync(new Uri(flow.AuthorizeUrl(pkce: false), UriKind.Relative));

        // Refused outright: no redirect, so no code reaches the client.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Wrong_password_shows_the_form_again_with_an_alert()
    {
        var flow = new BrowserSignIn(browser);

        using var response = await flow.SignInAsync("/account/login", IdentityFixture.UserA, "wrong-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failed_passwords_lock_the_account()
    {
        var flow = new BrowserSignIn(browser);
        for (var i = 0; i < 5; i++)
        {
            using var failed = await flow.SignInAsync("/account/login", IdentityFixture.LockedUser, "wrong-password");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var response = await flow.SignInAsync("/account/login", IdentityFixture.LockedUser, fixture.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
