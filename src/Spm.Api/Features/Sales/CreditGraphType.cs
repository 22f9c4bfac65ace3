using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Graph;
using Spm.Domain.Crediting;
using Spm.Infrastructure.Sales;

namespace Spm.Api.Features.Sales;

/// <summary>One row of the credit ledger.</summary>
public sealed class CreditGraphType : ObjectGraphType<StoredCredit>
{
    public CreditGraphType()
    {
        Name = "Credit";
        Description = "A participant's share of a sale, with the rule and reason that produced it. Rows are never changed: reversals and adjustments are rows of their own.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Id of the ledger row.").Resolve(c => c.Source.Id);
        Field<ParticipantGraphType>("participant").Description("Who is credited.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(c.Source.ParticipantId));
        Field<NonNullGraphType<CreditTypeGraphType>>("type").Description("Why the participant holds it.").Resolve(c => Enum.Parse<CreditType>(c.Source.Type));
        Field<NonNullGraphType<CreditTypeGraphType>>("adjustedType").Description("For an adjustment, the type it corrects; otherwise the same as `type`.").Resolve(c => Enum.Parse<CreditType>(c.Source.AdjustedType));
        Field<NonNullGraphType<BooleanGraphType>>("reversal").Description("True for a row cancelling a credit of an earlier revision.").Resolve(c => c.Source.IsReversal);
        Field<IntGraphType>("reversesRevision").Description("The revision whose credit a reversal cancels.").Resolve(c => c.Source.ReversesRevision);
        Field<NonNullGraphType<IntGraphType>>("saleRevision").Description("The sale revision that wrote the row.").Resolve(c => c.Source.SaleRevision);
        Field<NonNullGraphType<IdGraphType>>("ruleId").Description("The crediting rule that produced it.").Resolve(c => c.Source.RuleId);
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Human-readable reason, e.g. `roll-up: manager of Ana Ruiz`.").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<MoneyGraphType>>("amount").Description("In the sale's currency.").Resolve(c => new MoneyValue(c.Source.Amount, c.Source.Currency.Trim()));
        Field<NonNullGraphType<MoneyGraphType>>("reportingAmount").Description("In the tenant's reporting currency.").Resolve(c => new MoneyValue(c.Source.ReportingAmount, c.Source.ReportingCurrency.Trim()));
        Field<NonNullGraphType<MoneyGraphType>>("payAmount").Description("In the participant's pay currency.").Resolve(c => new MoneyValue(c.Source.PayAmount, c.Source.PayCurrency.Trim()));
        Field<NonNullGraphType<CalendarDateGraphType>>("postingDate").Description("The date the credit counts on (the close date unless that period is locked).").Resolve(c => c.Source.PostingDate);
        Field<PeriodGraphType>("period").Description("The fiscal month of the posting date, when stored.")
            .Resolve(c => c.Source.PeriodId is { } id ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().PeriodById.LoadAsync(id) : null);
    }
}
