namespace Spm.Domain.Compensation;

/// <summary>
/// A participant's earnings so far in an open period moved because credits were committed: the payload of the live
/// layer's <c>EarningsChanged</c> push (hub and GraphQL subscription). <see cref="Earnings"/> is exactly what a
/// calculation run over the same credits would put on the statement at this moment.
/// </summary>
/// <param name="PeriodId">The fiscal month the credits post in.</param>
/// <param name="Attainment">Credited over quota as a fraction (1.0 = 100 %); null without a quota.</param>
/// <param name="CreditId">The last credit of this participant the change applied (a batch of credits is applied at once; null when a recalculation, not a credit, moved it).</param>
/// <param name="SaleId">The sale behind that credit, when there is one.</param>
/// <param name="SaleSource">The sale's source system (with <paramref name="SaleExternalId"/> its key), when there is one.</param>
/// <param name="EventId">The outbox event that carried the change (deduplicates a push seen twice).</param>
public sealed record EarningsChange(
    Guid TenantId,
    Guid ParticipantId,
    Guid PeriodId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string Currency,
    decimal PreviousEarnings,
    decimal Earnings,
    decimal? Attainment,
    Guid? CreditId,
    Guid? SaleId,
    string? SaleSource,
    string? SaleExternalId,
    Guid EventId,
    DateTimeOffset OccurredAt)
{
    /// <summary>How much the earnings moved (negative when a reversal took some back).</summary>
    public decimal Delta => Earnings - PreviousEarnings;
}
