using Microsoft.EntityFrameworkCore;
using Spm.Infrastructure.Persistence;

namespace Spm.Infrastructure.PersistedDocuments;

/// <summary>
/// Adds documents to the allow-list inside the caller's unit of work (the caller saves, so the
/// audit entry and the rows commit together). Registering a text that the scope already sees
/// (globally, or for this tenant) adds nothing: registration is idempotent.
/// </summary>
public static class PersistedDocumentRegistry
{
    /// <summary>
    /// Adds the texts the scope does not see yet to <paramref name="db"/>, unsaved. Returns every
    /// text's id in input order and the documents added.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Ids, IReadOnlyList<PersistedDocument> Added)> AddAsync(
        SpmDbContext db,
        Guid? tenantId,
        IReadOnlyList<string> texts,
        string registeredBy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(texts);
        var ids = texts.Select(PersistedDocumentIds.Compute).ToList();
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var known = await db.PersistedDocuments
            .Where(d => distinct.Contains(d.DocumentId) && (d.TenantId == null || d.TenantId == tenantId))
            .Select(d => d.DocumentId)
            .ToListAsync(cancellationToken);
        var seen = new HashSet<string>(known, StringComparer.Ordinal);
        var added = new List<PersistedDocument>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (seen.Add(ids[i]))
            {
                var document = new PersistedDocument(Guid.CreateVersion7(now), texts[i], tenantId, registeredBy, now);
                db.PersistedDocuments.Add(document);
                added.Add(document);
            }
        }

        return (ids, added);
    }
}
