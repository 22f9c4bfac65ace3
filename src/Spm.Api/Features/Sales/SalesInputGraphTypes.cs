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
        Field<NonNullGraphType<ExactDecimalGraphType>>("amount").Description("Amount in `currency`, zero or more, in whole minor units.");
        Field<NonNullGraphType<StringGraphType>>("currency").Description("ISO 4217 code of the amount.");
        Field<NonNullGraphType<CalendarDateGraphType>>("closeDate").Description("When the deal closed; rates and rules effective on this date apply.");
        Field<IdGraphType>("accountId").Description("The customer account (for territory and overlay credit).");
        Field<StringGraphType>("product").Description("Product, matched by rules' product filters.");
        Field<StringGraphType>("segment").Description("Segment, matched by rules' segment filters.");
        Field<NonNullGraphType<IdGraphType>>("ownerParticipantId").Description("Global id of the participant who owns the deal.");
        Field<ListGraphType<NonNullGraphType<CoSellerInputGraphType>>>("coSellers").Description("The full split table (owner included), summing to exactly 100; omit when the owner holds the whole sale.");
    }
}

/// <summary>One line of a split table.</summary>
public sealed class CoSellerInputGraphType : InputObjectGraphType
{
    public CoSellerInputGraphType()
    {
        Name = "CoSellerInput";
        Description = "A seller sharing the sale.";
        Field<NonNullGraphType<IdGraphType>>("participantId").Description("Global id of the participant.");
        Field<NonNullGraphType<ExactDecimalGraphType>>("splitPercent").Description("Share in percent, above 0 and at most 100.");
    }
}

/// <summary>Input of `recordSales`.</summary>
public sealed class RecordSalesInputGraphType : InputObjectGraphType
{
    public RecordSalesInputGraphType()
    {
        Name = "RecordSalesInput";
        Description = "A batch of sales.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SaleInputGraphType>>>>("sales").Description($"1 to {SalesMutations.MaxBatch} sales.");
    }
}

/// <summary>Input of `cancelSale`.</summary>
public sealed class CancelSaleInputGraphType : InputObjectGraphType
{
    public CancelSaleInputGraphType()
    {
        Name = "CancelSaleInput";
        Description = "The sale to cancel, by its key.";
        Field<NonNullGraphType<StringGraphType>>("source").Description("The source system.");
        Field<NonNullGraphType<StringGraphType>>("externalId").Description("The sale's id in the source system.");
    }
}
