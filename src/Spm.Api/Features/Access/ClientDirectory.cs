using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using Spm.Api.Identity;
using Spm.Infrastructure.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Spm.Api.Features.Access;

/// <summary>
/// Reads a tenant's clients from OpenIddict's table. The tenant lives in the application's JSON
/// properties, which no query filter covers, so every read here filters by it explicitly (first
/// in SQL, then exactly after parsing).
/// </summary>
public static class ClientDirectory
{
    public static async Task<IReadOnlyList<ClientView>> ListAsync(SpmDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var marker = TenantMarker(tenantId);
        var rows = await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
            .Where(a => a.Properties != null && a.Properties.Contains(marker))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => Read(r, tenantId)).OfType<ClientView>().OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.ClientId, StringComparer.Ordinal)];
    }

    public static async Task<ClientView?> FindAsync(SpmDbContext db, Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = id.ToString("D", CultureInfo.InvariantCulture);
        var row = await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == key, cancellationToken);
        return row is null ? null : Read(row, tenantId);
    }

    /// <summary>The view of <paramref name="application"/>, or null when it belongs to another tenant (or to none).</summary>
    public static ClientView? Read(OpenIddictEntityFrameworkCoreApplication application, Guid tenantId)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.Properties is null || !Guid.TryParse(application.Id, out var id))
        {
            return null;
        }

        using var properties = JsonDocument.Parse(application.Properties);
        var root = properties.RootElement;
        if (Text(root, SpmClientProperties.Tenant) is not { } tenant || !Guid.TryParse(tenant, out var owner) || owner != tenantId)
        {
            return null;
        }

        var scopes = new List<string>();
        if (application.Permissions is { } permissions)
        {
            using var list = JsonDocument.Parse(permissions);
            scopes.AddRange(list.RootElement.EnumerateArray().Select(p => p.GetString() ?? string.Empty)
                .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(p => p[Permissions.Prefixes.Scope.Length..]));
        }

        return new ClientView(
            id,
            application.ClientId ?? string.Empty,
            application.DisplayName ?? application.ClientId ?? string.Empty,
            Text(root, SpmClientProperties.Role) ?? string.Empty,
            [.. scopes.Order(StringComparer.Ordinal)],
            string.Equals(Text(root, SpmClientProperties.PersistedOnly), "true", StringComparison.OrdinalIgnoreCase),
            Date(root, SpmClientProperties.CreatedAt),
            Date(root, SpmClientProperties.RevokedAt));
    }

    // JSON of the tenant property as System.Text.Json writes it; a prefilter only, Read() decides.
    private static string TenantMarker(Guid tenantId) => tenantId.ToString("D", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Date(JsonElement root, string name) =>
        Text(root, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date : null;
}
