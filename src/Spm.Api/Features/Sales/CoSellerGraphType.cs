using GraphQL.Types;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Domain.Sales;

namespace Spm.Api.Features.Sales;

/// <summary>One line of a split table.</summary>
public sealed class CoSellerGraphType : ObjectGraphType<CoSeller>
{
    public CoSellerGraphType()
    {
        Name = "CoSeller";
        Description = "A seller sharing a sale and their percentage.";
        Field<NonNullGraphType<IdGraphType>>("participantId").Description("Global id of the participant.").Resolve(c => GlobalId.Encode("Participant", c.Source.ParticipantId));
        Field<NonNullGraphType<DecimalStringGraphType>>("splitPercent").Description("Share of the sale in percent; a table sums to exactly 100.").Resolve(c => c.Source.SplitPercent);
    }
}
