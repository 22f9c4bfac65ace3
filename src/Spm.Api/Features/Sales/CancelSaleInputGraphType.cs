using GraphQL.Types;

namespace Spm.Api.Features.Sales;

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
