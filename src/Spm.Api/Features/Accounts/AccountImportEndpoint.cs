using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Domain.Accounts;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Accounts;

/// <summary>
/// <c>POST /import/accounts</c>: a CSV file of accounts (text/csv, UTF-8, header row with named columns), streamed and
/// upserted by external id in batches of 1,000, each batch in its own transaction.
/// <para>
/// Policy: a file with bad rows still lands its good rows. Bad rows are reported (row number, column, reason) and
/// skipped; fix them and upload the whole file again: rows already imported are unchanged, so nothing is written twice
/// and no audit entries repeat. A header problem (unknown, duplicate or missing column) refuses the file with 400 and
/// writes nothing. Bodies over <see cref="MaxBytes"/> are refused with 413.
/// </para>
/// </summary>
public static class AccountImportEndpoint
{
    public const string Path = "/import/accounts";
    public const long MaxBytes = 50L * 1024 * 1024;
    public const int MaxListedErrors = 1000;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["externalId"] = "externalId",
        ["name"] = "name",
        ["country"] = "country",
        ["region"] = "region",
        ["state"] = "region",
        ["county"] = "county",
        ["city"] = "city",
        ["postalCode"] = "postalCode",
        ["industry"] = "industry",
        ["employeeCount"] = "employeeCount",
        ["annualRevenue"] = "annualRevenue",
        ["potential"] = "potential",
        ["latitude"] = "latitude",
        ["longitude"] = "longitude",
        ["ownerEmail"] = "ownerEmail",
    };

    public static IEndpointRouteBuilder MapSpmAccountImport(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(Path, HandleAsync)
            .RequireAuthorization(AccessMatrix.Policy(Capability.WritePlanning))
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, IDbContextFactory<SpmDbContext> contexts, AuditTrail audit, Caller caller, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || !string.Equals(type.MediaType.Value, "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Json(new { error = "Send the file as text/csv (UTF-8)." }, statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (http.Request.ContentLength > MaxBytes)
        {
            return Results.Json(new { error = $"The file is larger than {MaxBytes / (1024 * 1024)} MB; split it." }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        // Kestrel then stops a body without Content-Length at the limit too (the read fails, the request ends).
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        var tenant = caller.RequireTenant();
        using var text = new StreamReader(http.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(text);
        var (header, headerError) = await csv.ReadAsync(cancellationToken);
        if (header is null)
        {
            return HeaderError(headerError is null ? "The file is empty: it needs a header row." : $"Row 1: {headerError}.");
        }

        var columns = new string[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (!Columns.TryGetValue(name, out var field))
            {
                return HeaderError($"Unknown column '{name}'. Columns: externalId, name, country, region (or state), county, city, postalCode, industry, employeeCount, annualRevenue, potential, latitude, longitude, ownerEmail.");
            }

            if (columns.Contains(field))
            {
                return HeaderError($"Column '{name}' appears twice.");
            }

            columns[i] = field;
        }

        foreach (var required in new[] { "externalId", "name" })
        {
            if (!columns.Contains(required))
            {
                return HeaderError($"The header has no '{required}' column.");
            }
        }

        var errors = new List<AccountCsvError>();
        var totalErrors = 0;
        var rejectedRows = new HashSet<int>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int rows = 0, created = 0, updated = 0, unchanged = 0;
        var batch = new List<AccountImporter.Row>(AccountImporter.MaxBatch);

        void Error(int row, string column, string code, string message)
        {
            rejectedRows.Add(row);
            totalErrors++;
            if (errors.Count < MaxListedErrors)
            {
                errors.Add(new AccountCsvError(row, column, code, message));
            }
        }

        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (valid, invalid) = await AccountImporter.ValidateAsync(db, batch, cancellationToken);
            foreach (var e in invalid)
            {
                Error(e.Row, e.Field, e.Code, e.Message);
            }

            var result = await AccountImporter.UpsertAsync(db, audit, tenant, valid, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            created += result.Created;
            updated += result.Updated;
            unchanged += result.Unchanged;
            batch.Clear();
        }

        while (true)
        {
            var (fields, error) = await csv.ReadAsync(cancellationToken);
            if (fields is null && error is null)
            {
                break;
            }

            rows++;
            var number = csv.RecordNumber;
            if (error is not null)
            {
                Error(number, string.Empty, "MALFORMED_CSV", error);
                continue;
            }

            if (fields!.Count != columns.Length)
            {
                Error(number, string.Empty, "FIELD_COUNT", $"The row has {fields.Count} fields; the header has {columns.Length}.");
                continue;
            }

            if (Parse(number, columns, fields, Error) is not { } row)
            {
                continue;
            }

            if (AccountImporter.Duplicates([row], seen).FirstOrDefault() is { } duplicate)
            {
                Error(duplicate.Row, duplicate.Field, duplicate.Code, duplicate.Message);
                continue;
            }

            batch.Add(row);
            if (batch.Count == AccountImporter.MaxBatch)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return Results.Json(new AccountCsvReport(rows, created, updated, unchanged, rejectedRows.Count, errors, totalErrors > errors.Count));
    }

    private static IResult HeaderError(string message) =>
        Results.Json(
            new AccountCsvReport(0, 0, 0, 0, 0, [new AccountCsvError(1, string.Empty, "BAD_HEADER", message)], false),
            statusCode: StatusCodes.Status400BadRequest);

    private static AccountImporter.Row? Parse(int number, string[] columns, IReadOnlyList<string> fields, Action<int, string, string, string> error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            values[columns[i]] = fields[i].Trim();
        }

        var ok = true;
        string? Text(string column) => values.TryGetValue(column, out var v) && v.Length > 0 ? v : null;

        decimal? Number(string column)
        {
            if (Text(column) is not { } v)
            {
                return null;
            }

            // Thousands separators are refused: "1,234" and "1.234" mean different numbers in different countries.
            if (decimal.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d))
            {
                return d;
            }

            error(number, column, "NOT_A_NUMBER", $"'{v}' is not a number (use digits and a '.' decimal point, no thousands separators).");
            ok = false;
            return null;
        }

        int Whole(string column)
        {
            if (Text(column) is not { } v)
            {
                return 0;
            }

            if (int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            error(number, column, "NOT_A_NUMBER", $"'{v}' is not a whole number.");
            ok = false;
            return 0;
        }

        var data = new AccountData(
            Text("externalId") ?? string.Empty,
            Text("name") ?? string.Empty,
            Text("country"),
            Text("region"),
            Text("county"),
            Text("city"),
            Text("postalCode"),
            Text("industry"),
            Whole("employeeCount"),
            Number("annualRevenue") ?? 0m,
            Number("potential") ?? 0m,
            Number("latitude"),
            Number("longitude"),
            null);
        return ok ? new AccountImporter.Row(number, data, Text("ownerEmail")) : null;
    }
}
