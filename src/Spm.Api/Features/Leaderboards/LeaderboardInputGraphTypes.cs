using GraphQL.Types;
using Spm.Infrastructure.Live.Leaderboards;

namespace Spm.Api.Features.Leaderboards;

/// <summary>Input of <c>createLeaderboard</c>.</summary>
public sealed class CreateLeaderboardInputGraphType : InputObjectGraphType
{
    public CreateLeaderboardInputGraphType()
    {
        Name = "CreateLeaderboardInput";
        Description = "A new leaderboard.";
        Field<NonNullGraphType<StringGraphType>>("key").Description($"Tenant-unique slug, 1 to {LeaderboardDefinition.MaxKeyLength} lower-case letters, digits and dashes; screens are paired with it.");
        Field<NonNullGraphType<StringGraphType>>("title").Description($"Title shown on screens (at most {LeaderboardDefinition.MaxTitleLength} characters).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WeightedMetricInputGraphType>>>>("metrics").Description($"1 to {LeaderboardDefinition.MaxMetrics} distinct metrics; several make a points board.");
        Field<NonNullGraphType<LeaderboardWindowGraphType>>("window").Description("The window it ranks over.");
        Field<LeaderboardScopeGraphType>("scope").Description("Who may appear on it (default COMPANY).");
        Field<IdGraphType>("scopeId").Description("Global id of the team (scope TEAM) or territory (scope TERRITORY).");
        Field<LeaderboardSubjectGraphType>("subject").Description("Participants or teams (default PARTICIPANTS).");
        Field<IntGraphType>("topSize").Description($"Rows a screen shows, 1 to {LeaderboardDefinition.MaxTopSize} (default 10).");
    }
}

/// <summary>Input of <c>updateLeaderboard</c>.</summary>
public sealed class UpdateLeaderboardInputGraphType : InputObjectGraphType
{
    public UpdateLeaderboardInputGraphType()
    {
        Name = "UpdateLeaderboardInput";
        Description = "Changes to a leaderboard; fields left out keep their value. Changing what it counts rebuilds it.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("The board to change (keys never change).");
        Field<StringGraphType>("title").Description("New title.");
        Field<ListGraphType<NonNullGraphType<WeightedMetricInputGraphType>>>("metrics").Description("New metrics.");
        Field<LeaderboardWindowGraphType>("window").Description("New window.");
        Field<LeaderboardScopeGraphType>("scope").Description("New scope; COMPANY clears scopeId.");
        Field<IdGraphType>("scopeId").Description("New team or territory of the scope.");
        Field<LeaderboardSubjectGraphType>("subject").Description("New subject.");
        Field<IntGraphType>("topSize").Description("New number of rows a screen shows.");
    }
}

/// <summary>Input of <c>deleteLeaderboard</c>.</summary>
public sealed class DeleteLeaderboardInputGraphType : InputObjectGraphType
{
    public DeleteLeaderboardInputGraphType()
    {
        Name = "DeleteLeaderboardInput";
        Description = "The leaderboard to delete.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("Its key.");
    }
}
