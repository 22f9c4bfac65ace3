using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Organisation;
using Spm.Api.Graph;
using Spm.Domain.Common;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Crediting;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// Locking a period for crediting without paying it (e.g. while a payout waits for approval). The same lock
/// <c>lockPayout</c> writes: one notion of a locked period. A paid period stays locked: unlocking it would let late
/// credits post into paid dates, so it is refused (its corrections arrive as prior-period adjustments instead).
/// </summary>
public static class PeriodLockMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<PeriodLockPayloadGraphType>>("lockPeriod")
            .Requires(Capability.ManageCrediting)
            .Description("Locks a period for crediting: credits, reversals and re-crediting adjustments dated in it post on the open posting date instead (today, or the day after the locked range covering today). `lockPayout` locks the paid period the same way.")
            .Argument<NonNullGraphType<PeriodLockInputGraphType>>("input", "The period.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, LockAsync, e => new PeriodLockPayload(null, false, null, [e])));
        mutation.Field<NonNullGraphType<PeriodLockPayloadGraphType>>("unlockPeriod")
            .Requires(Capability.ManageCrediting)
            .Description("Lifts a crediting lock written by `lockPeriod`. A paid period (its payout is locked) stays locked: `PERIOD_PAID`.")
            .Argument<NonNullGraphType<PeriodLockInputGraphType>>("input", "The period.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, UnlockAsync, e => new PeriodLockPayload(null, false, null, [e])));
    }

    private static async Task<PeriodLockPayload> LockAsync(CompensationMutation m)
    {
        var period = await PeriodAsync(m);
        if (await m.Db.PeriodLocks.AnyAsync(l => l.PeriodId == period.Id, m.Cancellation))
        {
            throw new DomainException("PERIOD_LOCKED", $"{period.Name} is locked already.", m.Input.Field("periodId"));
        }

        m.Db.PeriodLocks.Add(new PeriodLock { TenantId = m.Caller.RequireTenant(), PeriodId = period.Id, LockedAt = m.Now });
        m.Audit.Record(m.Db, "period.lock", "Period", period.Id.ToString(), new { Locked = false }, new { Locked = true });
        await m.Db.SaveChangesAsync(m.Cancellation);
        return new PeriodLockPayload(period, true, m.Now, []);
    }

    private static async Task<PeriodLockPayload> UnlockAsync(CompensationMutation m)
    {
        var period = await PeriodAsync(m);
        var existing = await m.Db.PeriodLocks.SingleOrDefaultAsync(l => l.PeriodId == period.Id, m.Cancellation)
            ?? throw new DomainException("PERIOD_NOT_LOCKED", $"{period.Name} is not locked.", m.Input.Field("periodId"));
        if (await CalculationRunExecutor.IsLockedAsync(m.Db, period.Id, m.Cancellation))
        {
            throw new DomainException("PERIOD_PAID", $"{period.Name} is paid (its payout is locked): it stays locked, and later changes arrive as adjustments in the next open period.", m.Input.Field("periodId"));
        }

        m.Db.PeriodLocks.Remove(existing);
        m.Audit.Record(m.Db, "period.unlock", "Period", period.Id.ToString(), new { Locked = true, existing.LockedAt }, new { Locked = false });
        await m.Db.SaveChangesAsync(m.Cancellation);
        return new PeriodLockPayload(period, false, null, []);
    }

    private static async Task<Period> PeriodAsync(CompensationMutation m)
    {
        var id = m.Input.RequireId("periodId", PeriodGraphType.TypeName);
        return await m.Db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, m.Cancellation)
            ?? throw new DomainException("NOT_FOUND", "No period has this id.", m.Input.Field("periodId"));
    }
}

/// <summary>The result of <c>lockPeriod</c> / <c>unlockPeriod</c>.</summary>
public sealed record PeriodLockPayload(Period? Period, bool Locked, DateTimeOffset? LockedAt, IReadOnlyList<UserError> Errors);

/// <summary>GraphQL shape of <see cref="PeriodLockPayload"/>.</summary>
public sealed class PeriodLockPayloadGraphType : ObjectGraphType<PeriodLockPayload>
{
    public PeriodLockPayloadGraphType()
    {
        Name = "PeriodLockPayload";
        Description = "The period and whether it is now locked for crediting, or why nothing was written.";
        Field<PeriodGraphType>("period").Description("The period; null when refused.").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<BooleanGraphType>>("locked").Description("Whether credits dated in the period now post on the open posting date.").Resolve(c => c.Source.Locked);
        Field<DateTimeGraphType>("lockedAt").Description("When it was locked (UTC); null when unlocked or refused.").Resolve(c => c.Source.LockedAt?.UtcDateTime);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the input was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>Input of <c>lockPeriod</c> / <c>unlockPeriod</c>.</summary>
public sealed class PeriodLockInputGraphType : InputObjectGraphType
{
    public PeriodLockInputGraphType()
    {
        Name = "PeriodLockInput";
        Description = "A period to lock or unlock for crediting.";
        Field<NonNullGraphType<IdGraphType>>("periodId").Description("Global id of the period (a month, quarter or year: its dates are locked).");
    }
}
