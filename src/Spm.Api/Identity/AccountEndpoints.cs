using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Spm.Api.Features.Audit;
using Spm.Infrastructure.Identity;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Identity;

/// <summary>
/// A plain, accessible sign-in form and sign-out, server-rendered without scripts. Both forms
/// carry an antiforgery token; lockout counts every failed password.
/// </summary>
internal static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    public static WebApplication MapSpmAccount(this WebApplication app)
    {
        app.MapGet(LoginPath, async (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
        {
            // The API's default scheme is the bearer token; the sign-in state lives in the cookie.
            var signedIn = (await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Succeeded;
            return Page(http, antiforgery, SafeReturnUrl(returnUrl), error: null, signedIn: signedIn);
        }).AllowAnonymous();
        app.MapPost(LoginPath, LoginAsync).AllowAnonymous().DisableAntiforgery();
        app.MapPost(LogoutPath, LogoutAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<SpmUser> signIn, SpmDbContext db, AuditTrail audit)
    {
        // Validated by hand: the form endpoints opt out of the middleware so a bad token gets this page, not a bare 400.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Page(http, antiforgery, "/", "The form expired. Please try again.", StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = SafeReturnUrl(form["returnUrl"]);
        var userName = form["username"].ToString();
        var result = await signIn.PasswordSignInAsync(userName, form["password"].ToString(), isPersistent: false, lockoutOnFailure: true);
        // Attempts on known users go to their tenant's audit log; unknown names have no tenant to log to.
        if (await signIn.UserManager.FindByNameAsync(userName) is { } user)
        {
            audit.Record(
                db,
                result.Succeeded ? "auth.signin.succeeded" : "auth.signin.failed",
                "User",
                user.Id.ToString("D"),
                null,
                new { user.UserName, LockedOut = result.IsLockedOut, RemoteIp = http.Connection.RemoteIpAddress?.ToString() },
                user.TenantId);
            await db.SaveChangesAsync(http.RequestAborted);
        }

        if (result.Succeeded)
        {
            return Results.LocalRedirect(returnUrl);
        }

        // One message for unknown users and wrong passwords, so the form does not reveal who exists.
        var error = result.IsLockedOut ? "Too many failed attempts. The account is locked for a while." : "The user name or password is not right.";
        return Page(http, antiforgery, returnUrl, error, StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<SpmUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        await signIn.SignOutAsync();
        return Results.LocalRedirect(LoginPath);
    }

    /// <summary>Only local paths: an open redirect after sign-in would hand codes to anyone.</summary>
    private static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string returnUrl, string? error, int status = StatusCodes.Status200OK, bool signedIn = false)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var html = HtmlEncoder.Default;
        var alert = error is null ? string.Empty : $"""<p role="alert" id="error">{html.Encode(error)}</p>""";
        var body = $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in - Spm</title>
            <style>body{"{"}font:1rem/1.5 system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem{"}"}label,input,button{"{"}display:block;width:100%;margin:.25rem 0{"}"}input,button{"{"}padding:.5rem;font:inherit{"}"}[role=alert]{"{"}color:#a00{"}"}</style></head>
            <body><main>
            <h1>Sign in to Spm</h1>
            {alert}
            <form method="post" action="{LoginPath}">
            <input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(tokens.RequestToken ?? string.Empty)}">
            <input type="hidden" name="returnUrl" value="{html.Encode(returnUrl)}">
            <label for="username">User name</label>
            <input id="username" name="username" autocomplete="username" required autofocus{(error is null ? string.Empty : " aria-describedby=\"error\"")}>
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button>
            </form>
            {(signedIn ? $"""<form method="post" action="{LogoutPath}"><input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(tokens.RequestToken ?? string.Empty)}"><button type="submit">Sign out</button></form>""" : string.Empty)}
            </main></body>
            </html>
            """;
        return Results.Content(body, "text/html; charset=utf-8", statusCode: status);
    }
}
