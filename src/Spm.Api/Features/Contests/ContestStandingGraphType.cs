using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Domain.Live;

namespace Spm.Api.Features.Contests;

/// <summary>One row of a contest's standings.</summary>
public sealed class ContestStandingGraphType : ObjectGraphType<ContestStanding>
{
    public ContestStandingGraphType()
    {
        Name = "ContestStanding";
        Description = "A contestant (participant or team) and their place. Ranks are dense: ties share a rank and the next rank follows without a gap.";
        Field<NonNullGraphType<IntGraphType>>("rank").Description("Dense rank, 1 = leading. In a race, finishers rank by finishing time first.").Resolve(c => c.Source.Rank);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Description("Id of the participant, or of the team in a team contest (plain UUID, the same in pushed snapshots).").Resolve(c => c.Source.SubjectId);
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("Participant or team name.").Resolve(c => c.Source.DisplayName);
        Field<NonNullGraphType<DecimalStringGraphType>>("score").Description("Score in the contest's metric; in a most-improved contest, the improvement over the baseline.").Resolve(c => c.Source.Score);
        Field<DateTimeOffsetGraphType>("finishedAt").Description("When a race contestant reached the goal; null otherwise.").Resolve(c => c.Source.FinishedAt);
        Field<IdGraphType>("opponentId").Description("The other participant of a head-to-head pair; null in other formats.").Resolve(c => c.Source.OpponentId);
    }
}
