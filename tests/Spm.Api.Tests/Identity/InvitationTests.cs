using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Identity;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Tests.Identity;

/// <summary>inviteUser, the invitation page, and the sign-in audit trail.</summary>
public sealed partial class InvitationTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private readonly HttpClient http = fixture.Factory.CreateClient();

    [Fact]
    public async Task An_invited_person_sets_a_password_once_and_signs_in_as_their_participant()
    {
        var participantId = await NewParticipantAsync();
        var email = $"ivy.{participantId:N}@a.example";
        var admin = await TokenClient.GetAccessTokenAsync(http, IdentityFixture.AdminClientA, fixture.AdminSecretA);
        var participantGlobalId = GlobalId.Encode(ParticipantGraphType.TypeName, participantId);

        var invited = (await TokenClient.GraphQLDataAsync(http, admin,
            $"mutation {{ inviteUser(input: {{participantId: \"{participantGlobalId}\", email: \"{email.ToUpperInvariant()}\", role: MANAGER}}) {{ userId email participant {{ id }} invitationUrl expiresAt errors {{ code }} }} }}"))
            .GetProperty("inviteUser");
        Assert.Empty(invited.GetProperty("errors").EnumerateArray());
        Assert.Equal(email, invited.GetProperty("email").GetString());
        Assert.Equal(participantGlobalId, invited.GetProperty("participant").GetProperty("id").GetString());
        var link = new Uri(invited.GetProperty("invitationUrl").GetString()!);
        Assert.Equal("/account/invite", link.AbsolutePath);
        Assert.True(DateTimeOffset.Parse(invited.GetProperty("expiresAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddDays(2));

        var password = "Correct horse battery 42";
        using var browser = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var accepted = await AcceptAsync(browser, link.PathAndQuery, password);
        Assert.True(accepted.StatusCode == HttpStatusCode.Redirect, await accepted.Content.ReadAsStringAsync());
        using (var signedIn = await browser.GetAsync(new Uri("/account/login", UriKind.Relative)))
        {
            Assert.Contains("Sign out", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The link works once.
        using var reused = await AcceptAsync(fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), link.PathAndQuery, "Another password 4242");
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("expired or was already used", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The new password works through the real code flow, and the token speaks for the participant.
        using var other = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var flow = new BrowserSignIn(other);
        var code = await flow.GetCodeAsync(email, password);
        var (_, tokens) = await flow.ExchangeAsync(code, flow.Verifier);
        var me = (await TokenClient.GraphQLDataAsync(http, tokens.GetProperty("access_token").GetString()!, "{ me { kind role participant { id } } }")).GetProperty("me");
        Assert.Equal("PERSON", me.GetProperty("kind").GetString());
        Assert.Equal("MANAGER", me.GetProperty("role").GetString());
        Assert.Equal(participantGlobalId, me.GetProperty("participant").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Inviting_a_participant_who_has_a_user_or_a_taken_email_is_refused()
    {
        var admin = await TokenClient.GetAccessTokenAsync(http, IdentityFixture.AdminClientA, fixture.AdminSecretA);
        var linked = GlobalId.Encode(ParticipantGraphType.TypeName, fixture.ParticipantA);
        var fresh = GlobalId.Encode(ParticipantGraphType.TypeName, await NewParticipantAsync());

        var first = GlobalId.Encode(ParticipantGraphType.TypeName, await NewParticipantAsync());
        var takenEmail = $"taken.{Guid.NewGuid():N}@a.example";
        var ok = (await TokenClient.GraphQLDataAsync(http, admin, $"mutation {{ inviteUser(input: {{participantId: \"{first}\", email: \"{takenEmail}\", role: REP}}) {{ errors {{ code }} }} }}")).GetProperty("inviteUser");
        Assert.Empty(ok.GetProperty("errors").EnumerateArray());

        var hasUser = await InviteAsync(admin, linked, "someone.new@a.example", "REP");
        var emailTaken = await InviteAsync(admin, fresh, takenEmail.ToUpperInvariant(), "REP");
        var notEmail = await InviteAsync(admin, fresh, "alice@nowhere", "REP");
        var partner = await InviteAsync(admin, fresh, "p@a.example", "PARTNER");

        Assert.Equal(("CONFLICT", "input.participantId"), hasUser);
        Assert.Equal(("CONFLICT", "input.email"), emailTaken);
        Assert.Equal(("INVALID", "input.email"), notEmail);
        Assert.Equal(("INVALID_ROLE", "input.role"), partner);
    }

    [Fact]
    public async Task Sign_in_successes_and_failures_of_known_users_are_audited_in_their_tenant()
    {
        using var browser = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var flow = new BrowserSignIn(browser);
        using (var failed = await flow.SignInAsync("/account/login", IdentityFixture.ManagerA, "wrong-password"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using (var succeeded = await flow.SignInAsync("/account/login", IdentityFixture.ManagerA, fixture.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, succeeded.StatusCode);
        }

        Guid managerId;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            managerId = (await scope.ServiceProvider.GetRequiredService<UserManager<SpmUser>>().FindByNameAsync(IdentityFixture.ManagerA))!.Id;
        }

        var admin = await TokenClient.GetAccessTokenAsync(http, IdentityFixture.AdminClientA, fixture.AdminSecretA);
        var audit = await TokenClient.GraphQLDataAsync(http, admin, $"{{ auditLog(first: 10, entityType: \"User\", entityId: \"{managerId:D}\") {{ nodes {{ action after }} }} }}");
        var actions = audit.GetProperty("auditLog").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("action").GetString()).ToList();
        Assert.Equal(["auth.signin.succeeded", "auth.signin.failed"], actions.Take(2));

        // Tenant B's admin sees none of it.
        var tokenB = await TokenClient.GetAccessTokenAsync(http, IdentityFixture.ClientB, fixture.SecretB);
        using var denied = await TokenClient.GraphQLAsync(http, tokenB, "{ auditLog(first: 10) { totalCount } }");
        Assert.Contains("ACCESS_DENIED", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(string Code, string Field)> InviteAsync(string admin, string participant, string email, string role)
    {
        var payload = (await TokenClient.GraphQLDataAsync(http, admin,
            $"mutation {{ inviteUser(input: {{participantId: \"{participant}\", email: \"{email}\", role: {role}}}) {{ userId errors {{ code field }} }} }}")).GetProperty("inviteUser");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("userId").ValueKind);
        var error = payload.GetProperty("errors")[0];
        return (error.GetProperty("code").GetString()!, string.Join('.', error.GetProperty("field").EnumerateArray().Select(f => f.GetString())));
    }

    private async Task<Guid> NewParticipantAsync()
    {
        var id = Guid.CreateVersion7();
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        db.Participants.Add(new Participant(id, fixture.TenantA, "Ivy " + id.ToString("N")[..6], $"ivy.{id:N}@a.example", ParticipantRole.Manager, new DateOnly(2024, 5, 6), "USD"));
        await db.SaveChangesAsync();
        return id;
    }

    private static async Task<HttpResponseMessage> AcceptAsync(HttpClient browser, string link, string password)
    {
        using var page = await browser.GetAsync(new Uri(link, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await browser.PostAsync(new Uri("/account/invite", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Field("__RequestVerificationToken").Match(html).Groups[1].Value),
            ["user"] = WebUtility.HtmlDecode(Field("user").Match(html).Groups[1].Value),
            ["token"] = WebUtility.HtmlDecode(Field("token").Match(html).Groups[1].Value),
            ["password"] = password,
            ["confirm"] = password,
        }));
    }

    private static Regex Field(string name) => new($"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
