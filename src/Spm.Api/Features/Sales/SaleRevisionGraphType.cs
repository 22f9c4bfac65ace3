using System.Text.Json;
using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Domain.Sales;
using Spm.Infrastructure.Sales;

namespace Spm.Api.Features.Sales;

/// <summary>One revision of a sale.</summary>
public sealed class SaleRevisionGraphType : ObjectGraphType<StoredSaleRevision>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public SaleRevisionGraphType()
    {
        Name = "SaleRevision";
        Description = "One entry of a sale's history, as it was delivered.";
        Field<NonNullGraphType<IntGraphType>>("number").Description("1 for the original, then counting up.").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<SaleRevisionKindGraphType>>("kind").Description("Original, amendment or cancellation.").Resolve(c => Enum.Parse<SaleRevisionKind>(c.Source.Kind));
        Field<NonNullGraphType<MoneyGraphType>>("amount").Description("The amount in the sale's currency.").Resolve(c => new MoneyValue(c.Source.Amount, c.Source.Currency.Trim()));
        Field<NonNullGraphType<DecimalStringGraphType>>("reportingAmount").Description("The amount in the tenant's reporting currency.").Resolve(c => c.Source.ReportingAmount);
        Field<NonNullGraphType<CalendarDateGraphType>>("closeDate").Description("Close date carried by this revision.").Resolve(c => c.Source.CloseDate);
        Field<NonNullGraphType<IdGraphType>>("ownerParticipantId").Description("Global id of the owner in this revision.").Resolve(c => Relay.GlobalId.Encode("Participant", c.Source.OwnerParticipantId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoSellerGraphType>>>>("coSellers").Description("The split table; empty when the owner held the whole sale.")
            .Resolve(c => c.Source.CoSellers is null ? [] : JsonSerializer.Deserialize<List<CoSeller>>(c.Source.CoSellers, Json) ?? []);
        Field<NonNullGraphType<StringGraphType>>("channel").Description("How it arrived: `graphql` or `bulk:<import id>`.").Resolve(c => c.Source.Channel);
        Field<NonNullGraphType<DateTimeGraphType>>("recordedAt").Description("When this revision was recorded (UTC).").Resolve(c => c.Source.RecordedAt.UtcDateTime);
    }
}
