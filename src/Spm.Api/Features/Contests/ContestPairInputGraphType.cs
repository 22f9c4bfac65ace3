using GraphQL.Types;

namespace Spm.Api.Features.Contests;

/// <summary>A head-to-head pair as input.</summary>
public sealed class ContestPairInputGraphType : InputObjectGraphType
{
    public ContestPairInputGraphType()
    {
        Name = "ContestPairInput";
        Description = "Two different participants; a participant may be in one pair only.";
        Field<NonNullGraphType<IdGraphType>>("first").Description("Global id of one participant.");
        Field<NonNullGraphType<IdGraphType>>("second").Description("Global id of the other participant.");
    }
}
