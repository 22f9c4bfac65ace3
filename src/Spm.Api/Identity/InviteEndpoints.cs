using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Spm.Api.Features.Audit;
using Spm.Infrastructure.Identity;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Identity;

/// <summary>
/// Where an invited person sets their password: the link from `inviteUser` carries the user id
/// and a single-use token that expires. Success signs the person in.
/// </summary>
internal static class InviteEndpoints
{
    public const string Path = "/account/invite";

    private const string Expired = "This invitation link has expired or was already used. Ask your administrator for a new one.";

    public static WebApplication MapSpmInvitations(this WebApplication app)
    {
        app.MapGet(Path, (HttpContext http, IAntiforgery antiforgery, string? user, string? token) =>
            Form(http, antiforgery, user, token, error: null)).AllowAnonymous();
        app.MapPost(Path, AcceptAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> AcceptAsync(
        HttpContext http,
        IAntiforgery antiforgery,
        UserManager<SpmUser> users,
        SignInManager<SpmUser> signIn,
        SpmDbContext db,
        AuditTrail audit)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string userId = form["user"].ToString(), token = form["token"].ToString();
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Form(http, antiforgery, userId, token, "The form expired. Please try again.", StatusCodes.Status400BadRequest);
        }

        string password = form["password"].ToString(), confirm = form["confirm"].ToString();
        if (!string.Equals(password, confirm, StringComparison.Ordinal))
        {
            return Form(http, antiforgery, userId, token, "The two passwords differ.", StatusCodes.Status400BadRequest);
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null || string.IsNullOrEmpty(token))
        {
            return Form(http, antiforgery, userId, token, Expired, StatusCodes.Status400BadRequest);
        }

        // Identity checks the token's signature, expiry and the user's security stamp; setting the
        // password changes the stamp, so the link works once.
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            var invalidToken = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            return Form(http, antiforgery, userId, token, invalidToken ? Expired : string.Join(" ", result.Errors.Select(e => e.Description)), StatusCodes.Status400BadRequest);
        }

        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        audit.Record(db, "user.invitation.accepted", "User", user.Id.ToString("D"), null, new { user.UserName }, user.TenantId);
        await db.SaveChangesAsync(http.RequestAborted);
        await signIn.SignInAsync(user, isPersistent: false);
        return Results.LocalRedirect(AccountEndpoints.LoginPath);
    }

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, string? user, string? token, string? error, int status = StatusCodes.Status200OK)
    {
        var described = error is null ? string.Empty : " aria-describedby=\"error\"";
        var body = $"""
            <p>Choose a password to finish setting up your account: at least 12 characters, with an upper-case letter, a lower-case letter and a digit.</p>
            {HtmlPage.Alert(error)}
            <form method="post" action="{Path}">
            {HtmlPage.Antiforgery(http, antiforgery)}
            <input type="hidden" name="user" value="{HtmlPage.Encode(user)}">
            <input type="hidden" name="token" value="{HtmlPage.Encode(token)}">
            <label for="password">New password</label>
            <input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required autofocus{described}>
            <label for="confirm">Repeat the password</label>
            <input id="confirm" name="confirm" type="password" autocomplete="new-password" minlength="12" required>
            <button type="submit">Set password and sign in</button>
            </form>
            """;
        return HtmlPage.Render("Accept your invitation", body, status);
    }
}
