using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Spm.Api.Hosting;

/// <summary>
/// The office TV page ./spm builds from clients/tv (Vite) and the API serves at /tv. The page and
/// its bundled assets are anonymous, like GraphiQL: they hold no data, and the page authenticates
/// itself (device flow or a kiosk token). Only GET of the page and of files under /tv/assets is
/// open; nothing else under /tv exists.
/// </summary>
internal static class TvPageExtensions
{
    public const string Path = "/tv";

    /// <summary>Folder of the built page (default: wwwroot/tv under the content root).</summary>
    public const string DirectoryKey = "Spm:Tv:Directory";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    // The page talks to its own origin only (GraphQL, /connect, the hub's WebSocket); it is never
    // framed. Element styles set from script (confetti positions) are CSSOM, which style-src allows.
    private const string ContentSecurityPolicy =
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static WebApplication MapSpmTv(this WebApplication app)
    {
        var directory = System.IO.Path.GetFullPath(app.Configuration[DirectoryKey] is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(app.Environment.ContentRootPath, "wwwroot", "tv"));
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TvPageExtensions).FullName!);
        var files = new TvFiles(directory);
        app.Lifetime.ApplicationStopped.Register(files.Dispose);

        // Routing matches /tv and /tv/ alike; the page lives at the trailing-slash path (the
        // fragment and query a kiosk was set up with survive the redirect).
        app.MapGet(Path, (HttpContext http) => http.Request.Path.Value?.EndsWith('/') == true
            ? ServeAsync(http, files, "index.html", logger)
            : Results.Redirect(Path + "/" + http.Request.QueryString).ExecuteAsync(http)).AllowAnonymous();
        // One segment only: a route value never contains '/', and the provider refuses '..'.
        app.MapGet(Path + "/assets/{file}", (HttpContext http, string file) => ServeAsync(http, files, "assets/" + file, logger)).AllowAnonymous();
        return app;
    }

    private static async Task ServeAsync(HttpContext http, TvFiles files, string file, ILogger logger)
    {
        var info = files.Provider()?.GetFileInfo(file);
        if (info is null || !info.Exists || info.IsDirectory || info.PhysicalPath is null)
        {
            if (file == "index.html")
            {
                // A developer who ran the API without ./spm gets the way out, not a bare 404.
                logger.LogWarning("The TV page is not built in {Directory}", files.Directory);
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync($"The TV page is not built in {files.Directory}: run ./spm up (it runs npm ci and the build in clients/tv).", http.RequestAborted);
                return;
            }

            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var contentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.EndsWith("javascript", StringComparison.Ordinal))
        {
            contentType += "; charset=utf-8";
        }

        // Vite puts a content hash in every asset name: those never change. The page itself
        // names the current assets, so it is revalidated every time (cheap 304s via ETag).
        http.Response.Headers.CacheControl = file == "index.html" ? "no-cache" : "public, max-age=31536000, immutable";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.XFrameOptions = "DENY";
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        // Nothing about the screen's URL leaks to other sites.
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        var etag = new EntityTagHeaderValue($"\"{info.LastModified.UtcTicks:x}-{info.Length:x}\"");
        await Results.File(info.PhysicalPath, contentType, lastModified: info.LastModified, entityTag: etag).ExecuteAsync(http);
    }

    /// <summary>The build folder, opened on first use once it exists: the build may finish after the API started.</summary>
    private sealed class TvFiles(string directory) : IDisposable
    {
        private PhysicalFileProvider? _provider;

        public string Directory { get; } = directory;

        public PhysicalFileProvider? Provider()
        {
            if (_provider is null && System.IO.Directory.Exists(Directory))
            {
                var created = new PhysicalFileProvider(Directory);
                if (Interlocked.CompareExchange(ref _provider, created, null) is not null)
                {
                    created.Dispose();
                }
            }

            return _provider;
        }

        public void Dispose() => _provider?.Dispose();
    }
}
