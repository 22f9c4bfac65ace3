using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace Spm.Api.Identity;

/// <summary>The plain, script-free page frame shared by the verification and invitation pages.</summary>
internal static class HtmlPage
{
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    /// <summary>The hidden antiforgery field for a form on this response.</summary>
    public static string Antiforgery(HttpContext http, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"""<input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">""";
    }

    /// <summary>An alert paragraph for <paramref name="error"/>, or nothing.</summary>
    public static string Alert(string? error) => error is null ? string.Empty : $"""<p role="alert" id="error">{Encode(error)}</p>""";

    public static IResult Render(string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Content(
            $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Encode(title)} - Spm</title>
            <style>body{"{"}font:1rem/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem{"}"}label,input,textarea,button{"{"}display:block;width:100%;margin:.25rem 0{"}"}input,textarea,button{"{"}padding:.5rem;font:inherit;box-sizing:border-box{"}"}[role=alert]{"{"}color:#a00{"}"}.hint{"{"}color:#555;font-size:.9rem{"}"}</style></head>
            <body><main>
            <h1>{Encode(title)}</h1>
            {body}
            </main></body>
            </html>
            """,
            "text/html; charset=utf-8",
            statusCode: status);
}
