using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Sales;

/// <summary>One sale to record.</summary>
public sealed class SaleInputGraphType : InputObjectGraphType
{
    public SaleInputGraphType()
    {
        Name = "SaleInput";
        Description = "A closed deal, order or booking as the source system knows it. Sending the same (source, externalId) again is a replay (same content: nothing changes) or an amendment (changed content: a new revision).";
        Field<NonNullGraphType<StringGraphType>>("source").Description("The source system, e.g. `salesforce` (at most 64 characters).");
        Field<NonNullGraphType<StringGraphType>>("externalId").Description("The sale's id in the source system (at most 200 characters).");
        Field<NonNullGraphType<DecimalStringGraphType>>("amount").Description("Amount in `currency`, zero or more, in whole minor units.");
        Field<NonNullGraphType<StringGraphType>>("currency").Description("ISO 4217 code of the amount.");
        Field<NonNullGraphType<CalendarDateGraphType>>("closeDate").Description("When the deal closed; rates and rules effective on this date apply.");
        Field<IdGraphType>("accountId").Description("The customer account (for territory and overlay credit).");
        Field<StringGraphType>("product").Description("Product, matched by rules' product filters.");
        Field<StringGraphType>("segment").Description("Segment, matched by rules' segment filters.");
        Field<NonNullGraphType<IdGraphType>>("ownerParticipantId").Description("Global id of the participant who owns the deal.");
        Field<ListGraphType<NonNullGraphType<CoSellerInputGraphType>>>("coSellers").Description("The full split table (owner included), summing to exactly 100; omit when the owner holds the whole sale.");
    }
}
