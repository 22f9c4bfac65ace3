using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Spm.Api.Auth;
using Spm.Api.Features.Access;
using Spm.Domain.Common;
using Spm.Infrastructure.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Spm.Api.Identity;

/// <summary>
/// The device flow's verification page: a signed-in manager or admin types the code the TV
/// shows, names the screen and lists the boards it may show. Approving creates the display and
/// lets the waiting TV collect its tokens; denying ends the TV's request.
/// </summary>
internal static class VerifyEndpoint
{
    public const string Path = "/connect/verify";

    public static async Task<IResult> HandleAsync(HttpContext http, IAntiforgery antiforgery, UserManager<SpmUser> users, DisplayPairing pairing)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;
        if (user is null || await users.IsLockedOutAsync(user))
        {
            var back = Path + (string.IsNullOrEmpty(request.UserCode) ? string.Empty : "?user_code=" + Uri.EscapeDataString(request.UserCode));
            return Results.Redirect(QueryHelpers.AddQueryString(AccountEndpoints.LoginPath, "returnUrl", back));
        }

        if (user.Role is not (SpmRoles.Manager or SpmRoles.Admin))
        {
            return HtmlPage.Render("Pair a screen", "<p role=\"alert\">Only managers and admins can pair screens.</p>", StatusCodes.Status403Forbidden);
        }

        // From here on the cookie's person is the caller: their tenant filters and their id is audited.
        http.User = cookie.Principal!;
        var isPost = HttpMethods.IsPost(http.Request.Method);
        if (isPost && !await antiforgery.IsRequestValidAsync(http))
        {
            return Form(http, antiforgery, request.UserCode, null, null, "The form expired. Please try again.", StatusCodes.Status400BadRequest);
        }

        if (!isPost && http.Request.Query.ContainsKey("paired"))
        {
            return HtmlPage.Render("Screen paired", "<p role=\"status\">The screen is paired; it will start showing its boards in a few seconds.</p>");
        }

        if (!isPost && http.Request.Query.ContainsKey("denied"))
        {
            return HtmlPage.Render("Pairing refused", "<p role=\"status\">The screen was not paired.</p>");
        }

        if (string.IsNullOrEmpty(request.UserCode))
        {
            return Form(http, antiforgery, null, null, null, null);
        }

        // OpenIddict resolves the user code to the TV's pending request (null when unknown or expired).
        var device = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var clientId = device.Principal?.GetClaim(Claims.ClientId);
        if (!device.Succeeded || string.IsNullOrEmpty(clientId))
        {
            return Form(http, antiforgery, request.UserCode, null, null, "This code is not valid or has expired. Check the screen and try again.", isPost ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        }

        if (!isPost)
        {
            return Form(http, antiforgery, request.UserCode, null, null, null);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form["action"] == "deny")
        {
            return Results.Forbid(new AuthenticationProperties { RedirectUri = Path + "?denied=1" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var name = form["name"].ToString();
        var boardsText = form["boards"].ToString();
        ClaimsPrincipal screen;
        try
        {
            screen = await pairing.PairAsync(clientId, name, boardsText.Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), http.RequestAborted);
        }
        catch (DomainException error)
        {
            return Form(http, antiforgery, request.UserCode, name, boardsText, error.Message, StatusCodes.Status400BadRequest);
        }

        return Results.SignIn(screen, new AuthenticationProperties { RedirectUri = Path + "?paired=1" }, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, string? userCode, string? name, string? boards, string? error, int status = StatusCodes.Status200OK)
    {
        var described = error is null ? string.Empty : " aria-describedby=\"error\"";
        var body = $"""
            <p>Type the code shown on the TV, give the screen a name and list what it may show.</p>
            {HtmlPage.Alert(error)}
            <form method="post" action="{Path}">
            {HtmlPage.Antiforgery(http, antiforgery)}
            <label for="user_code">Code on the screen</label>
            <input id="user_code" name="user_code" value="{HtmlPage.Encode(userCode)}" autocomplete="off" autocapitalize="characters" required{described}>
            <label for="name">Screen name</label>
            <input id="name" name="name" value="{HtmlPage.Encode(name)}" placeholder="Sales floor, north wall" maxlength="100" required>
            <label for="boards">Leaderboards and contests it may show</label>
            <textarea id="boards" name="boards" rows="4" aria-describedby="boards-hint" required>{HtmlPage.Encode(boards)}</textarea>
            <p class="hint" id="boards-hint">One key per line (or separated by commas).</p>
            <button type="submit" name="action" value="approve">Pair this screen</button>
            <button type="submit" name="action" value="deny" formnovalidate>Refuse</button>
            </form>
            """;
        return HtmlPage.Render("Pair a screen", body, status);
    }
}
