using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Api.Features.Sales;
using Spm.Api.Graph;
using Spm.Domain.Common;
using Spm.Domain.Events;
using Spm.Infrastructure.Activities;
using Spm.Infrastructure.Outbox;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Activities;

/// <summary>`logActivities`: calls, emails, meetings, demos and visits, idempotent by (source, externalId).</summary>
public static class ActivityMutations
{
    public const int MaxBatch = 1_000;

    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<LogActivitiesPayloadGraphType>>("logActivities")
            .Requires(Capability.WriteSales)
            .Description($"Logs up to {MaxBatch} activities with an `activity.logged` outbox event each. Idempotent: an activity already stored under its (source, externalId) is left as it is. All or nothing: one bad row (named by index and field) writes nothing.")
            .Argument<NonNullGraphType<LogActivitiesInputGraphType>>("input", "The activities.")
            .ResolveAsync(async c => await LogAsync(c));
    }

    private static async Task<LogActivitiesPayload> LogAsync(IResolveFieldContext context)
    {
        var rows = (context.GetArgument<Dictionary<string, object?>>("input").GetValueOrDefault("activities") as IEnumerable<object?>)?.Select(o => o as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>()).ToList() ?? [];
        if (rows.Count is 0 or > MaxBatch)
        {
            return new LogActivitiesPayload(0, 0, [new UserError("VALIDATION", $"Send 1 to {MaxBatch} activities; {rows.Count} were sent.", ["input", "activities"])]);
        }

        var services = context.RequestServices!;
        var tenantId = services.GetRequiredService<Caller>().RequireTenant();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var known = (await db.Participants.Select(p => p.Id).ToListAsync(context.CancellationToken)).ToHashSet();
        var activities = new List<Activity>();
        var errors = new List<UserError>();
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                var row = rows[i];
                var participant = SaleInputParser.ParticipantId(row.GetValueOrDefault("participantId") as string, "participantId");
                if (!known.Contains(participant))
                {
                    throw new DomainException("PARTICIPANT_UNKNOWN", $"{participant} is not a participant of the tenant.", "participantId");
                }

                activities.Add(new Activity
                {
                    Id = Guid.CreateVersion7(now),
                    TenantId = tenantId,
                    Source = Guard.NotBlank(row.GetValueOrDefault("source") as string, "source", 64),
                    ExternalId = Guard.NotBlank(row.GetValueOrDefault("externalId") as string, "externalId", 200),
                    Kind = (row.GetValueOrDefault("kind") as ActivityKind? ?? ActivityKind.Call).ToString(),
                    ParticipantId = participant,
                    OccurredAt = row.GetValueOrDefault("occurredAt") switch { DateTimeOffset o => o.ToUniversalTime(), DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)), _ => now },
                    AccountId = row.GetValueOrDefault("accountId") is string account ? (Guid.TryParse(account, out var a) ? a : throw new DomainException("ID_INVALID", $"'{account}' is not an account id.", "accountId")) : null,
                    Outcome = row.GetValueOrDefault("outcome") is string { Length: > 0 } outcome ? Guard.NotBlank(outcome, "outcome", 200) : null,
                    RecordedAt = now,
                });
            }
            catch (DomainException ex)
            {
                errors.Add(SalesWriter.RowError("activities", new Infrastructure.Sales.RowError(i, ex.Field ?? string.Empty, ex.Code, ex.Message)));
            }
        }

        if (errors.Count > 0)
        {
            return new LogActivitiesPayload(0, 0, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        // Serialise writers of these keys (same lock space as sales, distinct prefix), then skip what is stored.
        var keys = activities.Select(a => $"activity\u0001{tenantId:N}\u0001{a.Source}\u0001{a.ExternalId}").Distinct().Order(StringComparer.Ordinal).ToArray();
        await db.Database.ExecuteSqlAsync($"SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM unnest({keys}) AS k", context.CancellationToken);
        var sources = activities.Select(a => a.Source).Distinct().ToList();
        var ids = activities.Select(a => a.ExternalId).Distinct().ToList();
        var stored = (await db.Activities.Where(a => sources.Contains(a.Source) && ids.Contains(a.ExternalId)).Select(a => new { a.Source, a.ExternalId }).ToListAsync(context.CancellationToken))
            .Select(a => (a.Source, a.ExternalId)).ToHashSet();
        var fresh = activities.Where(a => stored.Add((a.Source, a.ExternalId))).ToList();
        db.Activities.AddRange(fresh);
        foreach (var activity in fresh)
        {
            var logged = new ActivityLogged(Guid.CreateVersion7(now), tenantId, now, activity.Id, activity.ParticipantId, activity.Kind.ToLowerInvariant(), activity.OccurredAt, activity.AccountId, activity.Outcome);
            db.Outbox.Add(new OutboxMessage { TenantId = tenantId, Type = logged.Type, Payload = OutboxWriter.Serialise(logged), CreatedAt = now });
        }

        if (fresh.Count > 0)
        {
            services.GetRequiredService<AuditTrail>().Record(db, "activities.log", "Activity", null, null, fresh.Select(a => new { a.Id, a.Source, a.ExternalId, a.Kind, a.ParticipantId }));
            await db.SaveChangesAsync(context.CancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify('spm_outbox', {tenantId.ToString()})", context.CancellationToken);
        }

        await transaction.CommitAsync(context.CancellationToken);
        return new LogActivitiesPayload(fresh.Count, activities.Count - fresh.Count, []);
    }
}
