using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Spm.Api.Tests.Identity;

/// <summary>What the TV page and the approving manager do in the device flow, over real HTTP.</summary>
internal sealed partial class DeviceFlow(HttpClient tv, HttpClient browser)
{
    public const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary>The TV asks for codes.</summary>
    public async Task<JsonElement> RequestCodesAsync(string clientId = IdentityFixture.TvClient, string scope = "leaderboards.read offline_access")
    {
        using var response = await tv.PostAsync(new Uri("/connect/device", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = clientId,
            ["scope"] = scope,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    /// <summary>The TV polls the token endpoint with its device code.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PollAsync(string deviceCode)
    {
        using var response = await tv.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = DeviceCodeGrant,
            ["client_id"] = IdentityFixture.TvClient,
            ["device_code"] = deviceCode,
        }));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(string refreshToken)
    {
        using var response = await tv.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = IdentityFixture.TvClient,
            ["refresh_token"] = refreshToken,
        }));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    /// <summary>
    /// A person opens the verification link, is sent to sign in, comes back to the form and
    /// submits it. Returns the final response (a redirect when approved).
    /// </summary>
    public async Task<HttpResponseMessage> ApproveAsync(JsonElement codes, string userName, string password, string name, string boards, string action = "approve")
    {
        var complete = new Uri(codes.GetProperty("verification_uri_complete").GetString()!).PathAndQuery;
        using var first = await browser.GetAsync(new Uri(complete, UriKind.Relative));
        string formPage;
        if (first.StatusCode == HttpStatusCode.Redirect)
        {
            var login = first.Headers.Location!;
            Assert.StartsWith("/account/login", login.OriginalString, StringComparison.Ordinal);
            using var signedIn = await new BrowserSignIn(browser).SignInAsync(login.OriginalString, userName, password);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            using var back = await browser.GetAsync(signedIn.Headers.Location!);
            formPage = await back.Content.ReadAsStringAsync();
            if (back.StatusCode != HttpStatusCode.OK)
            {
                return new HttpResponseMessage(back.StatusCode) { Content = new StringContent(formPage) };
            }
        }
        else
        {
            formPage = await first.Content.ReadAsStringAsync();
        }

        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(formPage).Groups[1].Value),
            ["user_code"] = WebUtility.HtmlDecode(UserCodeField().Match(formPage).Groups[1].Value),
            ["name"] = name,
            ["boards"] = boards,
            ["action"] = action,
        };
        return await browser.PostAsync(new Uri("/connect/verify", UriKind.Relative), new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"user_code\" value=\"([^\"]*)\"")]
    private static partial Regex UserCodeField();
}
