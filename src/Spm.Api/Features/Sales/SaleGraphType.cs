using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Infrastructure.Sales;

namespace Spm.Api.Features.Sales;

/// <summary>A closed deal, order or booking with its history and credits.</summary>
public sealed class SaleGraphType : ObjectGraphType<StoredSale>
{
    public const string TypeName = "Sale";

    public SaleGraphType()
    {
        Name = TypeName;
        Description = "A closed deal, order or booking from the CRM or ERP, identified by (source, external id). Changes are kept as revisions, never silent updates.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is StoredSale;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("source").Description("The system the sale came from, e.g. `salesforce`.").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<StringGraphType>>("externalId").Description("The sale's id in its source system; unique per source.").Resolve(c => c.Source.ExternalId);
        Field<NonNullGraphType<IntGraphType>>("revision").Description("Number of the latest revision (1 for a sale never changed).").Resolve(c => c.Source.CurrentRevision);
        Field<NonNullGraphType<BooleanGraphType>>("cancelled").Description("True once the sale was cancelled (its credits are reversed).").Resolve(c => c.Source.IsCancelled);
        Field<NonNullGraphType<MoneyGraphType>>("amount").Description("The amount in the sale's currency (latest revision).").Resolve(c => new MoneyValue(c.Source.Amount, c.Source.Currency.Trim()));
        Field<NonNullGraphType<MoneyGraphType>>("reportingAmount").Description("The amount in the tenant's reporting currency at the close date's rate.").Resolve(c => new MoneyValue(c.Source.ReportingAmount, c.Source.ReportingCurrency.Trim()));
        Field<NonNullGraphType<CalendarDateGraphType>>("closeDate").Description("When the deal closed.").Resolve(c => c.Source.CloseDate);
        Field<IdGraphType>("accountId").Description("The customer account's id, when the source gave one.").Resolve(c => c.Source.AccountId?.ToString());
        Field<StringGraphType>("product").Description("Product, as sent by the source.").Resolve(c => c.Source.Product);
        Field<StringGraphType>("segment").Description("Segment, as sent by the source.").Resolve(c => c.Source.Segment);
        Field<ParticipantGraphType>("owner").Description("The participant who owns the deal.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(c.Source.OwnerParticipantId));
        Field<NonNullGraphType<DateTimeGraphType>>("recordedAt").Description("When the first revision was recorded (UTC).").Resolve(c => c.Source.RecordedAt.UtcDateTime);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SaleRevisionGraphType>>>>("revisions").Description("Every revision, oldest first: the original, amendments, a cancellation.")
            .Resolve(c => c.RequestServices!.GetRequiredService<SalesDataLoaders>().RevisionsBySale.LoadAsync(c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreditGraphType>>>>("credits")
            .Description("The sale's credit rows, by revision: credits, reversals and adjustments (they sum to what stands). Reps and managers see the rows of the participants they may see.")
            .ResolveAsync(async c =>
            {
                var visible = await c.RequestServices!.GetRequiredService<SalesVisibility>().ParticipantsAsync(c.CancellationToken);
                var rows = await c.RequestServices!.GetRequiredService<SalesDataLoaders>().CreditsBySale.LoadAsync(c.Source.Id).GetResultAsync(c.CancellationToken);
                return visible is null ? rows : rows.Where(r => visible.Contains(r.ParticipantId)).ToList();
            });
    }
}
