using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Api.Features.Sales;
using Spm.Api.Graph;
using Spm.Domain.Common;
using Spm.Domain.Events;
using Spm.Infrastructure.Outbox;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Pipeline;

namespace Spm.Api.Features.Pipeline;

/// <summary>`upsertOpportunities`: the pipeline, upserted by (source, externalId), with stage history.</summary>
public static class OpportunityMutations
{
    public const int MaxBatch = 1_000;

    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<UpsertOpportunitiesPayloadGraphType>>("upsertOpportunities")
            .Requires(Capability.WriteSales)
            .Description($"Creates or updates up to {MaxBatch} opportunities by (source, externalId). A stage move writes a stage-history row (funnel and cycle-length measures); every change writes an `opportunity.changed` outbox event. An unchanged opportunity writes nothing. All or nothing: one bad row (named by index and field) writes nothing.")
            .Argument<NonNullGraphType<UpsertOpportunitiesInputGraphType>>("input", "The opportunities.")
            .ResolveAsync(async c => await UpsertAsync(c));
    }

    private static async Task<UpsertOpportunitiesPayload> UpsertAsync(IResolveFieldContext context)
    {
        var rows = (context.GetArgument<Dictionary<string, object?>>("input").GetValueOrDefault("opportunities") as IEnumerable<object?>)?.Select(o => o as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>()).ToList() ?? [];
        if (rows.Count is 0 or > MaxBatch)
        {
            return new UpsertOpportunitiesPayload(0, 0, 0, [new UserError("VALIDATION", $"Send 1 to {MaxBatch} opportunities; {rows.Count} were sent.", ["input", "opportunities"])]);
        }

        var services = context.RequestServices!;
        var tenantId = services.GetRequiredService<Caller>().RequireTenant();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var known = (await db.Participants.Select(p => p.Id).ToListAsync(context.CancellationToken)).ToHashSet();
        var incoming = new List<Opportunity>();
        var errors = new List<UserError>();
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                incoming.Add(Parse(rows[i], tenantId, known, now));
            }
            catch (DomainException ex)
            {
                errors.Add(SalesWriter.RowError("opportunities", new Infrastructure.Sales.RowError(i, ex.Field ?? string.Empty, ex.Code, ex.Message)));
            }
        }

        if (errors.Count > 0)
        {
            return new UpsertOpportunitiesPayload(0, 0, 0, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var keys = incoming.Select(o => $"opportunity\u0001{tenantId:N}\u0001{o.Source}\u0001{o.ExternalId}").Distinct().Order(StringComparer.Ordinal).ToArray();
        await db.Database.ExecuteSqlAsync($"SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM unnest({keys}) AS k", context.CancellationToken);
        var sources = incoming.Select(o => o.Source).Distinct().ToList();
        var ids = incoming.Select(o => o.ExternalId).Distinct().ToList();
        var stored = await db.Opportunities.Where(o => sources.Contains(o.Source) && ids.Contains(o.ExternalId)).ToDictionaryAsync(o => (o.Source, o.ExternalId), context.CancellationToken);
        var audit = services.GetRequiredService<AuditTrail>();
        int created = 0, updated = 0, moves = 0;
        foreach (var next in incoming)
        {
            string? previousStage = null;
            if (stored.TryGetValue((next.Source, next.ExternalId), out var current))
            {
                if (SameContent(current, next))
                {
                    continue;
                }

                var before = Snapshot(current);
                previousStage = current.Stage;
                (current.Name, current.AccountId, current.OwnerParticipantId, current.Amount, current.Currency, current.Probability) = (next.Name, next.AccountId, next.OwnerParticipantId, next.Amount, next.Currency, next.Probability);
                (current.ExpectedCloseDate, current.CreatedOn, current.WonOn, current.LostOn, current.UpdatedAt) = (next.ExpectedCloseDate, next.CreatedOn, next.WonOn, next.LostOn, now);
                current.Stage = next.Stage;
                audit.Record(db, "opportunity.update", "Opportunity", current.Id.ToString(), before, Snapshot(current));
                updated++;
            }
            else
            {
                current = next;
                db.Opportunities.Add(current);
                stored[(next.Source, next.ExternalId)] = current;
                audit.Record(db, "opportunity.create", "Opportunity", current.Id.ToString(), null, Snapshot(current));
                created++;
            }

            if (!string.Equals(previousStage, current.Stage, StringComparison.Ordinal))
            {
                db.OpportunityStageHistory.Add(new OpportunityStageChange { Id = Guid.CreateVersion7(now), TenantId = tenantId, OpportunityId = current.Id, FromStage = previousStage, ToStage = current.Stage, ChangedAt = now });
                moves++;
            }

            var changed = new OpportunityChanged(Guid.CreateVersion7(now), tenantId, now, current.Source, current.ExternalId, current.OwnerParticipantId, current.Stage, previousStage, current.Amount, current.Currency, current.Probability, current.ExpectedCloseDate, current.WonOn is not null, current.LostOn is not null);
            db.Outbox.Add(new OutboxMessage { TenantId = tenantId, Type = changed.Type, Payload = OutboxWriter.Serialise(changed), CreatedAt = now });
        }

        if (created + updated > 0)
        {
            await db.SaveChangesAsync(context.CancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify('spm_outbox', {tenantId.ToString()})", context.CancellationToken);
        }

        await transaction.CommitAsync(context.CancellationToken);
        return new UpsertOpportunitiesPayload(created, updated, moves, []);
    }

    private static Opportunity Parse(IReadOnlyDictionary<string, object?> row, Guid tenantId, HashSet<Guid> known, DateTimeOffset now)
    {
        var owner = SaleInputParser.ParticipantId(row.GetValueOrDefault("ownerParticipantId") as string, "ownerParticipantId");
        if (!known.Contains(owner))
        {
            throw new DomainException("PARTICIPANT_UNKNOWN", $"{owner} is not a participant of the tenant.", "ownerParticipantId");
        }

        var currency = CurrencyCode.Require(row.GetValueOrDefault("currency") as string, "currency");
        var amount = row.GetValueOrDefault("amount") as decimal? ?? 0m;
        if (amount < 0 || !Domain.Currency.Money.IsWholeMinorUnits(amount, currency))
        {
            throw new DomainException("AMOUNT_INVALID", $"The amount {amount} must be zero or more in whole minor units of {currency}.", "amount");
        }

        var probability = row.GetValueOrDefault("probability") as decimal? ?? 0m;
        if (probability is < 0 or > 100)
        {
            throw new DomainException("PROBABILITY_OUT_OF_RANGE", $"The probability {probability} must be between 0 and 100 (percent).", "probability");
        }

        var createdOn = row.GetValueOrDefault("createdOn") as DateOnly? ?? default;
        var wonOn = row.GetValueOrDefault("wonOn") as DateOnly?;
        var lostOn = row.GetValueOrDefault("lostOn") as DateOnly?;
        if (wonOn is not null && lostOn is not null)
        {
            throw new DomainException("OPPORTUNITY_WON_AND_LOST", "An opportunity is won or lost, not both.", "lostOn");
        }

        if ((wonOn ?? lostOn) < createdOn)
        {
            throw new DomainException("INVALID_DATE", "An opportunity cannot close before it was created.", wonOn is not null ? "wonOn" : "lostOn");
        }

        return new Opportunity
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Source = Guard.NotBlank(row.GetValueOrDefault("source") as string, "source", 64),
            ExternalId = Guard.NotBlank(row.GetValueOrDefault("externalId") as string, "externalId", 200),
            Name = row.GetValueOrDefault("name") is string { Length: > 0 } name ? Guard.NotBlank(name, "name", 200) : null,
            AccountId = row.GetValueOrDefault("accountId") is string account ? (Guid.TryParse(account, out var a) ? a : throw new DomainException("ID_INVALID", $"'{account}' is not an account id.", "accountId")) : null,
            OwnerParticipantId = owner,
            Stage = Guard.NotBlank(row.GetValueOrDefault("stage") as string, "stage", 64),
            Amount = amount,
            Currency = currency,
            Probability = probability,
            ExpectedCloseDate = row.GetValueOrDefault("expectedCloseDate") as DateOnly?,
            CreatedOn = createdOn,
            WonOn = wonOn,
            LostOn = lostOn,
            UpdatedAt = now,
        };
    }

    private static bool SameContent(Opportunity a, Opportunity b) =>
        a.Name == b.Name && a.AccountId == b.AccountId && a.OwnerParticipantId == b.OwnerParticipantId && a.Stage == b.Stage && a.Amount == b.Amount
        && a.Currency == b.Currency && a.Probability == b.Probability && a.ExpectedCloseDate == b.ExpectedCloseDate && a.CreatedOn == b.CreatedOn
        && a.WonOn == b.WonOn && a.LostOn == b.LostOn;

    private static object Snapshot(Opportunity o) => new { o.Source, o.ExternalId, o.Stage, o.Amount, o.Currency, o.Probability, o.ExpectedCloseDate, o.OwnerParticipantId, o.WonOn, o.LostOn };
}
