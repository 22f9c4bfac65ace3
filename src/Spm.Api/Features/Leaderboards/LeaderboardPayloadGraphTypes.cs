using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Leaderboards;

/// <summary>GraphQL shape of <see cref="LeaderboardPayload"/>.</summary>
public sealed class LeaderboardPayloadGraphType : ObjectGraphType<LeaderboardPayload>
{
    public LeaderboardPayloadGraphType()
    {
        Name = "LeaderboardPayload";
        Description = "Result of `createLeaderboard` or `updateLeaderboard`.";
        Field<LeaderboardGraphType>("leaderboard").Description("The board as saved; null when `errors` is not empty.").Resolve(c => c.Source.Leaderboard);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why nothing was saved; `field` names the input field, e.g. `[\"input\", \"metrics\", \"0\", \"weight\"]`.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>GraphQL shape of <see cref="DeleteLeaderboardPayload"/>.</summary>
public sealed class DeleteLeaderboardPayloadGraphType : ObjectGraphType<DeleteLeaderboardPayload>
{
    public DeleteLeaderboardPayloadGraphType()
    {
        Name = "DeleteLeaderboardPayload";
        Description = "Result of `deleteLeaderboard`.";
        Field<StringGraphType>("key").Description("The deleted board's key; null when `errors` is not empty.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why nothing was deleted.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>GraphQL shape of <see cref="RebuildLeaderboardsPayload"/>.</summary>
public sealed class RebuildLeaderboardsPayloadGraphType : ObjectGraphType<RebuildLeaderboardsPayload>
{
    public RebuildLeaderboardsPayloadGraphType()
    {
        Name = "RebuildLeaderboardsPayload";
        Description = "Result of `rebuildLeaderboards`.";
        Field<NonNullGraphType<IntGraphType>>("boards").Description("How many boards were rebuilt (0 when `errors` is not empty).").Resolve(c => c.Source.Boards);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why nothing was rebuilt, e.g. LIVE_STORE_UNAVAILABLE while Redis is down.").Resolve(c => c.Source.Errors);
    }
}
