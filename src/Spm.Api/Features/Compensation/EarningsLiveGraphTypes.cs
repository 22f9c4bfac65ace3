using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Features.Sales;
using Spm.Api.Graph;
using Spm.Domain.Compensation;
using Spm.Domain.Events;
using Spm.Infrastructure.Compensation;

namespace Spm.Api.Features.Compensation;

/// <summary>GraphQL shape of an <see cref="EarningsChange"/>, the payload of <c>earningsChanged</c> (the hub's <c>EarningsChanged</c>).</summary>
public sealed class EarningsChangeGraphType : ObjectGraphType<EarningsChange>
{
    public EarningsChangeGraphType()
    {
        Name = "EarningsChange";
        Description = "A participant's earnings so far in an open fiscal month moved: what a calculation run over the committed credits would pay now.";
        Field<NonNullGraphType<IdGraphType>>("participantId").Description("Global id of the participant.").Resolve(c => GlobalId.Encode(ParticipantGraphType.TypeName, c.Source.ParticipantId));
        Field<NonNullGraphType<IdGraphType>>("periodId").Description("Global id of the fiscal month the credits post in.").Resolve(c => GlobalId.Encode(PeriodGraphType.TypeName, c.Source.PeriodId));
        Field<NonNullGraphType<CalendarDateGraphType>>("periodStart").Description("First day of the month.").Resolve(c => c.Source.PeriodStart);
        Field<NonNullGraphType<CalendarDateGraphType>>("periodEnd").Description("Last day of the month.").Resolve(c => c.Source.PeriodEnd);
        Field<NonNullGraphType<MoneyGraphType>>("previousEarnings").Description("Earnings so far before this change, in the participant's pay currency.").Resolve(c => new MoneyValue(c.Source.PreviousEarnings, c.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("earnings").Description("Earnings so far after this change (the sum of the statement's rounded lines, draws excluded).").Resolve(c => new MoneyValue(c.Source.Earnings, c.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("delta").Description("earnings - previousEarnings (negative when a reversal took some back).").Resolve(c => new MoneyValue(c.Source.Delta, c.Source.Currency));
        Field<DecimalStringGraphType>("attainment").Description("Credited over quota as a fraction (1.0 = 100 %); null without a quota.").Resolve(c => c.Source.Attainment);
        Field<IdGraphType>("creditId").Description("UUID of the committed credit behind the change (the last one when a burst of credits was applied at once); null when a recalculation (a re-credited, cancelled or imported sale) moved it.").Resolve(c => c.Source.CreditId);
        Field<IdGraphType>("saleId").Description("UUID of the sale behind that credit.").Resolve(c => c.Source.SaleId);
        Field<StringGraphType>("saleSource").Description("The sale's source system (with saleExternalId, its key in recordSales).").Resolve(c => c.Source.SaleSource);
        Field<StringGraphType>("saleExternalId").Description("The sale's id in its source system.").Resolve(c => c.Source.SaleExternalId);
        Field<NonNullGraphType<IdGraphType>>("eventId").Description("UUID of the outbox event that carried the change (deduplicates a change seen twice).").Resolve(c => c.Source.EventId);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When the change was committed.").Resolve(c => c.Source.OccurredAt);
    }
}

/// <summary>GraphQL shape of a <see cref="DisputeChanged"/> event, the payload of <c>disputeChanged</c> (the hub's <c>DisputeChanged</c>).</summary>
public sealed class DisputeChangeGraphType : ObjectGraphType<DisputeChanged>
{
    public DisputeChangeGraphType()
    {
        Name = "DisputeChange";
        Description = "A compensation dispute was opened or changed status.";
        Field<NonNullGraphType<IdGraphType>>("disputeId").Description("Global id of the dispute.").Resolve(c => GlobalId.Encode(DisputeGraphType.TypeName, c.Source.DisputeId));
        Field<NonNullGraphType<IdGraphType>>("participantId").Description("Global id of the participant whose earnings are disputed.").Resolve(c => GlobalId.Encode(ParticipantGraphType.TypeName, c.Source.ParticipantId));
        Field<NonNullGraphType<DisputeStatusGraphType>>("status").Description("The dispute's status after the change.").Resolve(c => Enum.Parse<DisputeStatus>(c.Source.Status));
        Field<StringGraphType>("resolution").Description("The resolution or rejection reason, once decided.").Resolve(c => c.Source.Resolution);
        Field<MoneyGraphType>("adjustment").Description("The adjustment a resolution pays in an open period; null without one.")
            .Resolve(c => c.Source.AdjustmentAmount is { } amount ? new MoneyValue(amount, c.Source.AdjustmentCurrency ?? string.Empty) : null);
        Field<NonNullGraphType<IdGraphType>>("eventId").Description("UUID of the outbox event (deduplicates a change seen twice).").Resolve(c => c.Source.EventId);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When the change was committed.").Resolve(c => c.Source.OccurredAt);
    }
}
