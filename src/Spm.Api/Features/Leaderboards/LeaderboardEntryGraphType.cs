using GraphQL.Types;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;

namespace Spm.Api.Features.Leaderboards;

/// <summary>GraphQL shape of a <see cref="LeaderboardRow"/>.</summary>
public sealed class LeaderboardEntryGraphType : ObjectGraphType<LeaderboardRow>
{
    public LeaderboardEntryGraphType()
    {
        Name = "LeaderboardEntry";
        Description = "One row of a leaderboard.";
        Field<NonNullGraphType<IntGraphType>>("rank").Description("Dense rank: equal scores share a rank and the next rank follows without a gap (1, 1, 2).").Resolve(c => c.Source.Entry.Rank);
        Field<IntGraphType>("previousRank").Description("Rank in the previous snapshot of the board; null when the subject is new on it (or the answer is degraded).").Resolve(c => c.Source.Entry.PreviousRank);
        Field<IntGraphType>("movement")
            .Description("Places gained since the previous snapshot (`previousRank - rank`: positive moved up, negative down, 0 stayed); null when new.")
            .Resolve(c => c.Source.Entry.PreviousRank is { } previous ? previous - c.Source.Entry.Rank : null);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Description("Global id of the participant or team ranked.").Resolve(c => GlobalId.Encode(c.Source.SubjectType, c.Source.Entry.SubjectId));
        Field<NonNullGraphType<StringGraphType>>("name").Description("Display name of the participant or team.").Resolve(c => c.Source.Entry.DisplayName);
        Field<NonNullGraphType<DecimalStringGraphType>>("score")
            .Description("The score in the window: an amount in the reporting currency, a count, points or a percent, by the board's metrics.")
            .Resolve(c => c.Source.Entry.Score);
    }
}
