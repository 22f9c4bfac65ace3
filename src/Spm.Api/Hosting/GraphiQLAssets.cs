using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Spm.Api.Hosting;

/// <summary>
/// The GraphiQL page ./spm builds from clients/graphiql (npm graphiql bundled with esbuild, no
/// CDN links): served anonymously, since it holds no data and signing in happens inside it.
/// </summary>
internal sealed class GraphiQLAssets(IConfiguration configuration, IWebHostEnvironment environment, ILogger<GraphiQLAssets> logger) : IDisposable
{
    public const string PathPrefix = "/graphiql";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    // Created on first use once the folder exists: the build may finish after the API started.
    private PhysicalFileProvider? _files;

    /// <summary>The built folder: configured, else wwwroot/graphiql under the content root.</summary>
    public string Directory { get; } = Path.GetFullPath(configuration[SpmConfigurationKeys.GraphiQLDirectory] is { Length: > 0 } configured
        ? configured
        : Path.Combine(environment.ContentRootPath, "wwwroot", "graphiql"));

    public void Dispose() => _files?.Dispose();

    private PhysicalFileProvider? Files()
    {
        if (_files is null && System.IO.Directory.Exists(Directory))
        {
            var created = new PhysicalFileProvider(Directory);
            if (Interlocked.CompareExchange(ref _files, created, null) is not null)
            {
                created.Dispose();
            }
        }

        return _files;
    }

    /// <summary>The transport's hook for a browser GET of the GraphQL path: the GraphiQL page.</summary>
    public Task ServePageAsync(HttpContext context) => ServeAsync(context, "index.html");

    public async Task ServeAsync(HttpContext context, string file)
    {
        ArgumentNullException.ThrowIfNull(context);
        var info = Files()?.GetFileInfo(file);
        if (info is null || !info.Exists || info.IsDirectory || info.PhysicalPath is null)
        {
            if (file == "index.html")
            {
                // A developer who ran the API without ./spm gets the way out, not a bare 404.
                logger.LogWarning("GraphiQL is not built in {Directory}", Directory);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"GraphiQL is not built in {Directory}: run ./spm up (it runs npm ci and the build in clients/graphiql).", context.RequestAborted);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var contentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.EndsWith("javascript", StringComparison.Ordinal))
        {
            contentType += "; charset=utf-8";
        }

        // Bundle names are not content-hashed: revalidate every time (cheap 304s via ETag).
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.XFrameOptions = "DENY";
        var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{info.LastModified.UtcTicks:x}-{info.Length:x}\"");
        await Results.File(info.PhysicalPath, contentType, lastModified: info.LastModified, entityTag: etag).ExecuteAsync(context);
    }
}
