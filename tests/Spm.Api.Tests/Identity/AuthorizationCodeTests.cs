using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Spm.Api.Identity;

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
    public async Task A_dashboard_of_another_tenant_gets_no_code_for_this_tenants_people()
    {
        const string foreign = "dashboard-of-b";
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            await SpmClients.CreateOrUpdatePublicClientAsync(applications, foreign, [IdentityFixture.RedirectUri], SpmScopes.All, default);
            var application = (await applications.FindByClientIdAsync(foreign))!;
            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, application);
            descriptor.Properties[SpmClientProperties.Tenant] = JsonSerializer.SerializeToElement(fixture.TenantB.ToString("D"));
            await applications.UpdateAsync(application, descriptor);
        }

        var flow = new BrowserSignIn(browser);
        var url = flow.AuthorizeUrl().Replace($"client_id={IdentityFixture.WebClient}", $"client_id={foreign}", StringComparison.Ordinal);
        using var authorize = await browser.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        using var signedIn = await flow.SignInAsync(authorize.Headers.Location!.PathAndQuery, IdentityFixture.UserA, fixture.Password);
        using var back = await browser.GetAsync(signedIn.Headers.Location!);

        // Alice belongs to tenant A: tenant B's dashboard gets an error, never a code.
        var callback = back.Headers.Location!;
        Assert.StartsWith(IdentityFixture.RedirectUri.ToString(), callback.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("access_denied", query["error"].ToString());
        Assert.False(query.ContainsKey("code"));
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
