using GraphQL.Types;

namespace Spm.Api.Features.Contests;

/// <summary>Input of `updateContest`.</summary>
public sealed class UpdateContestInputGraphType : InputObjectGraphType
{
    public UpdateContestInputGraphType()
    {
        Name = "UpdateContestInput";
        Description = "Changes to a contest that has not started; absent fields keep their value.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id of the contest.");
        ContestInputFields.Add(this, create: false);
    }
}
