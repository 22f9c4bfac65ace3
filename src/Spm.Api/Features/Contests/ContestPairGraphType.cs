using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Domain.Contests;

namespace Spm.Api.Features.Contests;

/// <summary>A head-to-head pair.</summary>
public sealed class ContestPairGraphType : ObjectGraphType<ContestPair>
{
    public ContestPairGraphType()
    {
        Name = "ContestPair";
        Description = "Two participants facing each other in a head-to-head contest.";
        Field<NonNullGraphType<IdGraphType>>("first").Description("Global id of one participant.").Resolve(c => GlobalId.Encode(ParticipantGraphType.TypeName, c.Source.First));
        Field<NonNullGraphType<IdGraphType>>("second").Description("Global id of the other participant.").Resolve(c => GlobalId.Encode(ParticipantGraphType.TypeName, c.Source.Second));
    }
}
