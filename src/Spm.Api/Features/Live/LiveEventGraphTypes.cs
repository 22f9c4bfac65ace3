using GraphQL.Types;
using Spm.Api.Features.Attainment;
using Spm.Api.Features.Quotas;
using Spm.Api.Features.Sales;
using Spm.Api.Graph;
using Spm.Domain.Events;
using Spm.Domain.Live;

namespace Spm.Api.Features.Live;

/// <summary>
/// A deal celebration as one viewer may see it: <see cref="Celebration"/> with the amount only when
/// <see cref="ShowAmount"/> (see <see cref="LiveViewer.SeesSaleAmounts"/>).
/// </summary>
public sealed record VisibleSaleCelebration(SaleCelebration Celebration, bool ShowAmount);

/// <summary>GraphQL shape of a <see cref="SaleCelebration"/>, the payload of <c>saleCelebrated</c>.</summary>
public sealed class SaleCelebrationGraphType : ObjectGraphType<VisibleSaleCelebration>
{
    public SaleCelebrationGraphType()
    {
        Name = "SaleCelebration";
        Description = "A deal landed: who closed it and, for viewers who may see it, how much.";
        Field<NonNullGraphType<IdGraphType>>("saleEventId").Description("UUID of the event that recorded the sale (deduplicates a celebration seen twice).").Resolve(c => c.Source.Celebration.SaleEventId);
        Field<NonNullGraphType<IdGraphType>>("participantId").Description("UUID of the participant who closed the deal.").Resolve(c => c.Source.Celebration.ParticipantId);
        Field<NonNullGraphType<StringGraphType>>("participantName").Description("Name of the participant who closed the deal.").Resolve(c => c.Source.Celebration.ParticipantName);
        Field<MoneyGraphType>("amount")
            .Description("The deal's amount in the reporting currency; null for viewers who see who closed a deal but not how much (reps and partners).")
            .Resolve(c => c.Source.ShowAmount && c.Source.Celebration is { ReportingAmount: { } amount, ReportingCurrency: { } currency } ? new MoneyValue(amount, currency) : null);
        Field<StringGraphType>("product").Description("What was sold, when known.").Resolve(c => c.Source.Celebration.Product);
        Field<NonNullGraphType<CalendarDateGraphType>>("closeDate").Description("The deal's close date.").Resolve(c => c.Source.Celebration.CloseDate);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Description("When the sale was recorded.").Resolve(c => c.Source.Celebration.At);
    }
}

/// <summary>GraphQL shape of an <see cref="AttainmentChanged"/> event, the payload of <c>attainmentChanged</c>.</summary>
public sealed class AttainmentChangeGraphType : ObjectGraphType<AttainmentChanged>
{
    public AttainmentChangeGraphType()
    {
        Name = "AttainmentChange";
        Description = "A participant's or team's attainment in one period and quota type moved.";
        Field<NonNullGraphType<IdGraphType>>("eventId").Description("UUID of the outbox event.").Resolve(c => c.Source.EventId);
        Field<NonNullGraphType<AttainmentScopeGraphType>>("scope").Description("Whose attainment.").Resolve(c => c.Source.Scope);
        Field<NonNullGraphType<IdGraphType>>("scopeId").Description("UUID of the participant or team.").Resolve(c => c.Source.ScopeId);
        Field<NonNullGraphType<IdGraphType>>("periodId").Description("UUID of the quota period.").Resolve(c => c.Source.PeriodId);
        Field<NonNullGraphType<QuotaTypeGraphType>>("quotaType").Description("What the quota counts.").Resolve(c => c.Source.QuotaType);
        Field<NonNullGraphType<DecimalStringGraphType>>("credited").Description("Credited in the period after the change.").Resolve(c => c.Source.Credited);
        Field<NonNullGraphType<DecimalStringGraphType>>("previousCredited").Description("Credited in the period before the change.").Resolve(c => c.Source.PreviousCredited);
        Field<DecimalStringGraphType>("quota").Description("The quota; null when there is none.").Resolve(c => c.Source.Quota);
        Field<DecimalStringGraphType>("attainmentPercent").Description("Credited over quota in percent; null without a quota.").Resolve(c => c.Source.AttainmentPercent);
        Field<NonNullGraphType<StringGraphType>>("currency").Description("Currency of `credited` and `quota` for revenue quotas.").Resolve(c => c.Source.Currency);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When the change was committed.").Resolve(c => c.Source.OccurredAt);
    }
}
