using Microsoft.EntityFrameworkCore;
using Spm.Api.Features.Audit;
using Spm.Domain.Accounts;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Accounts;

/// <summary>
/// Validates and upserts batches of account rows by external id, shared by the GraphQL mutation and the CSV endpoint.
/// A row equal to the stored account changes nothing and writes no audit entry, so re-importing a file is a no-op.
/// </summary>
public static class AccountImporter
{
    public const int MaxBatch = 1000;

    /// <summary>An account row with its number and, for owners given by email (CSV), the email to look up.</summary>
    public sealed record Row(int Number, AccountData Data, string? OwnerEmail = null);

    /// <summary>
    /// Normalises the rows, checks every field, duplicates inside the batch and owners; returns the clean rows (owner
    /// emails resolved) and the errors. Rows with errors are left out of the clean list.
    /// </summary>
    public static async Task<(List<Row> Valid, List<AccountRowError> Errors)> ValidateAsync(SpmDbContext db, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var errors = new List<AccountRowError>();
        var normalised = rows.Select(r => r with { Data = r.Data.Normalise(), OwnerEmail = r.OwnerEmail?.Trim().ToLowerInvariant() is { Length: > 0 } e ? e : null }).ToList();
        var ownerIds = normalised.Where(r => r.Data.OwnerParticipantId is not null).Select(r => r.Data.OwnerParticipantId!.Value).Distinct().ToArray();
        var emails = normalised.Where(r => r.OwnerEmail is not null).Select(r => r.OwnerEmail!).Distinct().ToArray();
        var knownIds = ownerIds.Length == 0 ? [] : (await db.Participants.Where(p => ownerIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var byEmail = emails.Length == 0 ? [] : await db.Participants.Where(p => emails.Contains(p.Email)).ToDictionaryAsync(p => p.Email, p => p.Id, cancellationToken);

        var valid = new List<Row>();
        foreach (var row in normalised)
        {
            var rowErrors = row.Data.Validate().Select(e => new AccountRowError(row.Number, e.Field, e.Code, e.Message)).ToList();
            var data = row.Data;
            if (data.OwnerParticipantId is { } owner && !knownIds.Contains(owner))
            {
                rowErrors.Add(new(row.Number, "ownerId", "NOT_FOUND", "ownerId is not a participant of this tenant."));
            }

            if (row.OwnerEmail is { } email)
            {
                if (byEmail.TryGetValue(email, out var id))
                {
                    data = data with { OwnerParticipantId = id };
                }
                else
                {
                    rowErrors.Add(new(row.Number, "ownerEmail", "NOT_FOUND", $"No participant has the email '{email}'."));
                }
            }

            errors.AddRange(rowErrors);
            if (rowErrors.Count == 0)
            {
                valid.Add(row with { Data = data });
            }
        }

        return (valid, errors);
    }

    /// <summary>Upserts valid, normalised rows with distinct external ids; the caller saves and commits.</summary>
    public static async Task<AccountImportResult> UpsertAsync(SpmDbContext db, AuditTrail audit, Guid tenantId, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(rows);
        var externalIds = rows.Select(r => r.Data.ExternalId).ToArray();
        var existing = await db.Accounts.Where(a => externalIds.Contains(a.ExternalId)).ToDictionaryAsync(a => a.ExternalId, StringComparer.Ordinal, cancellationToken);
        int created = 0, updated = 0, unchanged = 0;
        var accounts = new List<Account>(rows.Count);
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Data.ExternalId, out var account))
            {
                var before = account.ToData();
                if (account.Apply(row.Data))
                {
                    audit.Record(db, "account.update", "Account", account.Id.ToString(), before, account.ToData(), tenantId);
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }
            else
            {
                account = new Account(Guid.CreateVersion7(), tenantId, row.Data);
                db.Accounts.Add(account);
                existing[account.ExternalId] = account;
                audit.Record(db, "account.create", "Account", account.Id.ToString(), null, account.ToData(), tenantId);
                created++;
            }

            accounts.Add(account);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AccountImportResult(created, updated, unchanged, accounts);
    }

    /// <summary>Errors for every row whose external id already appeared earlier (in this batch or, for CSV, the file).</summary>
    public static IEnumerable<AccountRowError> Duplicates(IEnumerable<Row> rows, Dictionary<string, int> seen)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(seen);
        foreach (var row in rows)
        {
            var key = row.Data.ExternalId?.Trim() ?? string.Empty;
            if (key.Length == 0)
            {
                continue;
            }

            if (seen.TryGetValue(key, out var first))
            {
                yield return new AccountRowError(row.Number, "externalId", "DUPLICATE", $"externalId '{key}' already appears at row {first}.");
            }
            else
            {
                seen[key] = row.Number;
            }
        }
    }
}
