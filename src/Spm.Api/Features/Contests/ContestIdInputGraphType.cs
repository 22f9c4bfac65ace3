using GraphQL.Types;

namespace Spm.Api.Features.Contests;

/// <summary>Input naming one contest.</summary>
public sealed class ContestIdInputGraphType : InputObjectGraphType
{
    public ContestIdInputGraphType()
    {
        Name = "ContestIdInput";
        Description = "Names one contest.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id of the contest.");
    }
}
