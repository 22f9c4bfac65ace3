using Microsoft.EntityFrameworkCore;
using Spm.Domain.Crediting;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Quotas;

/// <summary>
/// Weighs each seller by what the credit ledger says they sold in the twelve months before the
/// plan starts (reporting currency; reversals and adjustments included, so it is the net figure).
/// Roll-up credits are left out: they are a manager's view of their reps' sales, not their own.
/// </summary>
public sealed class PriorPeriodActualsWeightSource(IDbContextFactory<SpmDbContext> contexts) : IAllocationWeightSource
{
    private static readonly string RollUp = CreditType.Rollup.ToString();

    public AllocationWeightBasis Basis => AllocationWeightBasis.PriorPeriodActuals;

    public async Task<IReadOnlyDictionary<Guid, decimal>> WeightsAsync(IReadOnlyCollection<Guid> participantIds, DateOnly asOf, CancellationToken cancellationToken)
    {
        var from = asOf.AddYears(-1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sums = await db.Credits.AsNoTracking()
            .Where(c => participantIds.Contains(c.ParticipantId) && c.PostingDate >= from && c.PostingDate < asOf && c.Type != RollUp)
            .GroupBy(c => c.ParticipantId)
            .Select(g => new { ParticipantId = g.Key, Amount = g.Sum(c => c.ReportingAmount) })
            .ToListAsync(cancellationToken);
        // A year whose clawbacks exceed its sales nets below zero; a weight cannot, so it counts as nothing.
        return sums.ToDictionary(s => s.ParticipantId, s => Math.Max(0m, s.Amount));
    }
}
