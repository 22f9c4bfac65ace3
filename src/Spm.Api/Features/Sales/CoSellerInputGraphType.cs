using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Sales;

/// <summary>One line of a split table.</summary>
public sealed class CoSellerInputGraphType : InputObjectGraphType
{
    public CoSellerInputGraphType()
    {
        Name = "CoSellerInput";
        Description = "A seller sharing the sale.";
        Field<NonNullGraphType<IdGraphType>>("participantId").Description("Global id of the participant.");
        Field<NonNullGraphType<DecimalStringGraphType>>("splitPercent").Description("Share in percent, above 0 and at most 100.");
    }
}
