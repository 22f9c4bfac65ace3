using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Infrastructure.Ingest;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Ingest;

/// <summary>
/// `POST /ingest/sales`: a sales file (NDJSON or CSV) streamed into the ledger by <see cref="BulkSalesImporter"/>.
/// Answers a JSON <see cref="ImportReport"/>: good rows land, bad rows are listed by row number, field and reason
/// and may be fixed and resent; resending the whole file is safe (stored rows replay as no-ops).
/// </summary>
public static class IngestEndpoints
{
    public static IEndpointRouteBuilder MapSpmIngest(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/ingest/sales", ImportAsync).RequireAuthorization(AccessMatrix.Policy(Capability.WriteSales));
        return endpoints;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, BulkSalesImporter importer, Caller caller, AuditTrail audit, IDbContextFactory<SpmDbContext> contexts, IOptions<BulkImportOptions> configured)
    {
        var options = configured.Value;
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        SalesFileFormat format;
        switch (mediaType)
        {
            case "application/x-ndjson" or "application/ndjson":
                format = SalesFileFormat.Ndjson;
                break;
            case "text/csv":
                format = SalesFileFormat.Csv;
                break;
            default:
                return Results.Json(new { error = "UNSUPPORTED_MEDIA_TYPE", message = "Send application/x-ndjson or text/csv." }, statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (http.Request.ContentLength > options.MaxBodyBytes)
        {
            return Results.Json(new { error = "TOO_LARGE", message = $"The file has {http.Request.ContentLength} bytes; the limit is {options.MaxBodyBytes} (Spm:Ingest:MaxBodyBytes). Split it; nothing was written." }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxBodyBytes;
        }

        var tenantId = caller.RequireTenant();
        ImportReport report;
        try
        {
            report = await importer.ImportAsync(tenantId, http.Request.Body, format, options, http.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Json(new { error = "TOO_LARGE", message = $"The body exceeded {options.MaxBodyBytes} bytes (Spm:Ingest:MaxBodyBytes). Batches before the limit were stored; resend the rest (stored rows replay)." }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        await using (var db = await contexts.CreateDbContextAsync(http.RequestAborted))
        {
            audit.Record(db, "sales.import", "SalesImport", report.ImportId, null, new { report.Rows, report.Recorded, report.Amended, report.Cancelled, report.Replayed, report.Rejected, report.CreditsWritten });
            await db.SaveChangesAsync(http.RequestAborted);
        }

        return Results.Json(report);
    }
}
