using GraphQL.Types;

namespace Spm.Api.Features.Activities;

/// <summary>Input of `logActivities`.</summary>
public sealed class LogActivitiesInputGraphType : InputObjectGraphType
{
    public LogActivitiesInputGraphType()
    {
        Name = "LogActivitiesInput";
        Description = "A batch of activities.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActivityInputGraphType>>>>("activities").Description($"1 to {ActivityMutations.MaxBatch} activities.");
    }
}
