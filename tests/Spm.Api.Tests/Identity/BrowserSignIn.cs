using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Spm.Api.Tests.Identity;

/// <summary>What a browser app does: authorize, sign in through the form, exchange the code with the PKCE verifier.</summary>
internal sealed partial class BrowserSignIn(HttpClient browser)
{
    public string Verifier { get; } = Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Challenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    public string AuthorizeUrl(string scope = "spm.read offline_access", bool pkce = true) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = IdentityFixture.WebClient,
            ["response_type"] = "code",
            ["redirect_uri"] = IdentityFixture.RedirectUri.ToString(),
            ["scope"] = scope,
            ["state"] = "state-1",
            ["code_challenge"] = pkce ? Challenge : null,
            ["code_challenge_method"] = pkce ? "S256" : null,
        });

    /// <summary>Posts the sign-in form found at the login page the authorize request redirected to.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string loginUrl, string userName, string password)
    {
        using var page = await browser.GetAsync(new Uri(loginUrl, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value),
            ["returnUrl"] = WebUtility.HtmlDecode(ReturnUrlField().Match(html).Groups[1].Value),
            ["username"] = userName,
            ["password"] = password,
        };
        return await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(form));
    }

    /// <summary>The whole dance up to the code the redirect URI receives.</summary>
    public async Task<string> GetCodeAsync(string userName, string password)
    {
        using var authorize = await browser.GetAsync(new Uri(AuthorizeUrl(), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var login = authorize.Headers.Location!;
        Assert.StartsWith("/account/login", login.PathAndQuery, StringComparison.Ordinal);

        using var signedIn = await SignInAsync(login.PathAndQuery, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var back = await browser.GetAsync(signedIn.Headers.Location!);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.StartsWith(IdentityFixture.RedirectUri.ToString(), callback.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("state-1", query["state"].ToString());
        return query["code"].ToString();
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> ExchangeAsync(string code, string verifier)
    {
        using var response = await browser.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = IdentityFixture.WebClient,
            ["redirect_uri"] = IdentityFixture.RedirectUri.ToString(),
            ["code"] = code,
            ["code_verifier"] = verifier,
        }));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
