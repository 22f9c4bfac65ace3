using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Spm.Api.Tests.Identity;

public sealed class DeviceFlowTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly HttpClient tv = fixture.Factory.CreateClient();
    private readonly HttpClient browser = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task A_manager_pairs_a_screen_which_reads_its_boards_until_an_admin_unpairs_it()
    {
        var flow = new DeviceFlow(tv, browser);
        var codes = await flow.RequestCodesAsync();
        var deviceCode = codes.GetProperty("device_code").GetString()!;

        // Before approval the TV is told to keep waiting.
        var (pendingStatus, pending) = await flow.PollAsync(deviceCode);
        Assert.Equal(HttpStatusCode.BadRequest, pendingStatus);
        Assert.Equal("authorization_pending", pending.GetProperty("error").GetString());

        using var approved = await flow.ApproveAsync(codes, IdentityFixture.ManagerA, fixture.Password, "Sales floor", "revenue-q3\ncontest-summer, revenue-q3");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal("/connect/verify?paired=1", approved.Headers.Location!.OriginalString);

        var (status, tokens) = await flow.PollAsync(deviceCode);
        Assert.Equal(HttpStatusCode.OK, status);
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;

        var me = await TokenClient.GraphQLDataAsync(tv, accessToken, "{ me { kind role scopes tenant { slug } display { id name allowedBoards paired } } }");
        var display = me.GetProperty("me").GetProperty("display");
        Assert.Equal("DISPLAY", me.GetProperty("me").GetProperty("kind").GetString());
        Assert.Equal("DISPLAY", me.GetProperty("me").GetProperty("role").GetString());
        Assert.Equal(["leaderboards.read", "offline_access"], me.GetProperty("me").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("tenant-a", me.GetProperty("me").GetProperty("tenant").GetProperty("slug").GetString());
        Assert.Equal("Sales floor", display.GetProperty("name").GetString());
        // Split on lines and commas, trimmed, duplicates dropped, order kept.
        Assert.Equal(["revenue-q3", "contest-summer"], display.GetProperty("allowedBoards").EnumerateArray().Select(s => s.GetString()));

        // A screen is not a reader of the organisation.
        using (var tenant = await TokenClient.GraphQLAsync(tv, accessToken, "{ tenant { slug } }"))
        {
            Assert.Contains("ACCESS_DENIED", await tenant.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Refresh works while paired.
        var (refreshedStatus, refreshed) = await flow.RefreshAsync(refreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshedStatus);
        var secondAccess = refreshed.GetProperty("access_token").GetString()!;
        var secondRefresh = refreshed.GetProperty("refresh_token").GetString()!;

        var admin = await TokenClient.GetAccessTokenAsync(tv, IdentityFixture.AdminClientA, fixture.AdminSecretA);
        var displayId = display.GetProperty("id").GetString()!;
        var listed = await TokenClient.GraphQLDataAsync(tv, admin, "{ displays { id name pairedBy } }");
        Assert.Contains(listed.GetProperty("displays").EnumerateArray(), d => d.GetProperty("id").GetString() == displayId);
        var unpaired = await TokenClient.GraphQLDataAsync(tv, admin, $"mutation {{ unpairDisplay(input: {{id: \"{displayId}\"}}) {{ display {{ paired unpairedAt }} errors {{ code }} }} }}");
        Assert.Empty(unpaired.GetProperty("unpairDisplay").GetProperty("errors").EnumerateArray());
        Assert.False(unpaired.GetProperty("unpairDisplay").GetProperty("display").GetProperty("paired").GetBoolean());

        // Every token the screen holds is refused from now on.
        foreach (var token in new[] { accessToken, secondAccess })
        {
            using var refused = await TokenClient.GraphQLAsync(tv, token, "{ me { kind } }");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var (afterStatus, after) = await flow.RefreshAsync(secondRefresh);
        Assert.Equal(HttpStatusCode.BadRequest, afterStatus);
        Assert.Equal("invalid_grant", after.GetProperty("error").GetString());

        var audit = await TokenClient.GraphQLDataAsync(tv, admin, $"{{ auditLog(first: 10, entityType: \"Display\", entityId: \"{displayId}\") {{ nodes {{ action }} }} }}");
        Assert.Equal(["display.unpaired", "display.paired"], audit.GetProperty("auditLog").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task A_rep_cannot_pair_a_screen()
    {
        var flow = new DeviceFlow(tv, browser);
        var codes = await flow.RequestCodesAsync();

        using var response = await flow.ApproveAsync(codes, IdentityFixture.UserA, fixture.Password, "Rep's screen", "board");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var (status, body) = await flow.PollAsync(codes.GetProperty("device_code").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("authorization_pending", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Refusing_ends_the_tvs_request()
    {
        var flow = new DeviceFlow(tv, browser);
        var codes = await flow.RequestCodesAsync();

        using var response = await flow.ApproveAsync(codes, IdentityFixture.ManagerA, fixture.Password, "x", "y", action: "deny");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (status, body) = await flow.PollAsync(codes.GetProperty("device_code").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("access_denied", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_screen_without_boards_is_refused_on_the_form_and_nothing_is_paired()
    {
        var flow = new DeviceFlow(tv, browser);
        var codes = await flow.RequestCodesAsync();

        using var response = await flow.ApproveAsync(codes, IdentityFixture.ManagerA, fixture.Password, "Empty", " , ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at least one leaderboard", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var admin = await TokenClient.GetAccessTokenAsync(tv, IdentityFixture.AdminClientA, fixture.AdminSecretA);
        var listed = await TokenClient.GraphQLDataAsync(tv, admin, "{ displays(includeUnpaired: true) { name } }");
        Assert.DoesNotContain(listed.GetProperty("displays").EnumerateArray(), d => d.GetProperty("name").GetString() == "Empty");
    }

    [Fact]
    public async Task A_wrong_user_code_is_refused_with_a_message()
    {
        var flow = new DeviceFlow(tv, browser);
        var codes = JsonDocument.Parse("""{"verification_uri_complete":"http://localhost/connect/verify?user_code=WRONG-CODE"}""").RootElement;

        using var response = await flow.ApproveAsync(codes, IdentityFixture.ManagerA, fixture.Password, "Screen", "board");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid or has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
