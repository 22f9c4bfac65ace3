using GraphQL.Types;

namespace Spm.Api.Features.Contests;

/// <summary>Input of `createContest`.</summary>
public sealed class CreateContestInputGraphType : InputObjectGraphType
{
    public CreateContestInputGraphType()
    {
        Name = "CreateContestInput";
        Description = "A new contest; it is SCHEDULED and the scheduler starts it at `startsAt`.";
        ContestInputFields.Add(this, create: true);
    }
}
