using GraphQL;
using GraphQL.Types;
using Spm.Api.Auth;
using Spm.Api.Features.Relay;
using Spm.Infrastructure.Live.Leaderboards;

namespace Spm.Api.Features.Leaderboards;

/// <summary>GraphQL shape of <see cref="LeaderboardDefinition"/>, with its live standings.</summary>
public sealed class LeaderboardGraphType : ObjectGraphType<LeaderboardDefinition>
{
    public const int MaxNeighbours = 25;

    public LeaderboardGraphType()
    {
        Name = "Leaderboard";
        Description = "A standing leaderboard: what it ranks, over which window, among whom; and its live rows.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("Tenant-unique slug; screens are paired with these keys.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("title").Description("Title shown on screens.").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WeightedMetricGraphType>>>>("metrics").Description("What it ranks by: one metric, or points over several.").Resolve(c => c.Source.Metrics);
        Field<NonNullGraphType<LeaderboardWindowGraphType>>("window").Description("The window it ranks over.").Resolve(c => c.Source.Window);
        Field<NonNullGraphType<LeaderboardScopeGraphType>>("scope").Description("Who may appear on it.").Resolve(c => c.Source.Scope);
        Field<IdGraphType>("scopeId")
            .Description("Global id of the team (scope TEAM) or territory (scope TERRITORY); null for COMPANY.")
            .Resolve(c => c.Source.ScopeId is { } id ? GlobalId.Encode(c.Source.Scope == LeaderboardScope.Team ? "Team" : "Territory", id) : null);
        Field<NonNullGraphType<LeaderboardSubjectGraphType>>("subject").Description("Participants or teams.").Resolve(c => c.Source.Subject);
        Field<NonNullGraphType<IntGraphType>>("topSize").Description("How many rows a screen shows.").Resolve(c => c.Source.TopSize);
        Field<NonNullGraphType<LeaderboardStandingsGraphType>>("standings")
            .Description("The top rows of the current window with dense ranks and movement since the previous snapshot.")
            .Argument<IntGraphType>("top", $"How many rows, 1 to {LeaderboardDefinition.MaxTopSize} (default: the board's topSize).")
            .ResolveAsync(async c =>
            {
                var top = c.GetArgument<int?>("top") ?? c.Source.TopSize;
                if (top is < 1 or > LeaderboardDefinition.MaxTopSize)
                {
                    throw new ExecutionError($"`top` must be between 1 and {LeaderboardDefinition.MaxTopSize}; it was {top}.") { Code = "INVALID_ARGUMENT" };
                }

                var services = c.RequestServices!;
                return await services.GetRequiredService<LeaderboardReader>().StandingsAsync(services.GetRequiredService<Caller>().RequireTenant(), c.Source, null, top, c.CancellationToken);
            });
        Field<LeaderboardStandingsGraphType>("around")
            .Description("A participant's row with `neighbours` rows either side (on a TEAMS board: the participant's team); null when they have no score in the window.")
            .Argument<NonNullGraphType<IdGraphType>>("participantId", "Global id of the participant (\"my rank\").")
            .Argument<IntGraphType>("neighbours", arg =>
            {
                arg.Description = $"Rows above and below, 0 to {MaxNeighbours}.";
                arg.DefaultValue = 2;
            })
            .ResolveAsync(async c => await AroundAsync(c));
    }

    private static async Task<LeaderboardStandings?> AroundAsync(IResolveFieldContext<LeaderboardDefinition> context)
    {
        var neighbours = context.GetArgument("neighbours", 2);
        if (neighbours is < 0 or > MaxNeighbours)
        {
            throw new ExecutionError($"`neighbours` must be between 0 and {MaxNeighbours}; it was {neighbours}.") { Code = "INVALID_ARGUMENT" };
        }

        var participant = GlobalId.TryDecode(context.GetArgument<string>("participantId"), "Participant")
            ?? throw new ExecutionError("`participantId` is not a participant id.") { Code = "INVALID_ARGUMENT" };
        var services = context.RequestServices!;
        var tenantId = services.GetRequiredService<Caller>().RequireTenant();
        Guid? subject = participant;
        if (context.Source.Subject == LeaderboardSubject.Teams)
        {
            var tenant = await services.GetRequiredService<LiveTenantCache>().GetAsync(tenantId, context.CancellationToken);
            subject = tenant?.TeamOf.GetValueOrDefault(participant);
        }

        if (subject is null)
        {
            return null;
        }

        var standings = await services.GetRequiredService<LeaderboardReader>().StandingsAsync(tenantId, context.Source, subject, neighbours, context.CancellationToken);
        return standings is { Entries.Count: > 0 } ? standings : null;
    }
}
