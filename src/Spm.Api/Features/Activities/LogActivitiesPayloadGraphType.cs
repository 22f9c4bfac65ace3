using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Activities;

/// <summary>GraphQL shape of <see cref="LogActivitiesPayload"/>.</summary>
public sealed class LogActivitiesPayloadGraphType : ObjectGraphType<LogActivitiesPayload>
{
    public LogActivitiesPayloadGraphType()
    {
        Name = "LogActivitiesPayload";
        Description = "Result of `logActivities`.";
        Field<NonNullGraphType<IntGraphType>>("logged").Description("Activities stored by this call.").Resolve(c => c.Source.Logged);
        Field<NonNullGraphType<IntGraphType>>("duplicates").Description("Activities already stored under the same (source, externalId), left unchanged.").Resolve(c => c.Source.Duplicates);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why nothing was written; `field` names the row, e.g. `[\"input\", \"activities\", \"2\", \"participantId\"]`.").Resolve(c => c.Source.Errors);
    }
}
