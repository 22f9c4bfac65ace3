using Spm.Api.Graph;
using Spm.Domain.Live;
using Spm.Infrastructure.Live.Leaderboards;

namespace Spm.Api.Features.Leaderboards;

/// <summary>GraphQL enum of <see cref="LiveMetric"/>.</summary>
public sealed class LeaderboardMetricGraphType() : DescribedEnumGraphType<LiveMetric>(
    "LeaderboardMetric",
    "What a leaderboard ranks by.",
    new Dictionary<LiveMetric, string>
    {
        [LiveMetric.CreditedRevenue] = "Credited amount in the reporting currency (direct, split, territory and overlay credits; manager roll-ups left out).",
        [LiveMetric.DealsWon] = "Sales recorded with the participant as owner (a cancellation counts minus one).",
        [LiveMetric.AttainmentPercent] = "Attainment percent of the quota of the board's window period; ranks participants on its own.",
        [LiveMetric.Calls] = "Calls logged.",
        [LiveMetric.Emails] = "Emails logged.",
        [LiveMetric.Meetings] = "Meetings logged.",
        [LiveMetric.Demos] = "Demos logged.",
        [LiveMetric.Visits] = "Visits logged.",
    });

/// <summary>GraphQL enum of <see cref="LeaderboardWindow"/>.</summary>
public sealed class LeaderboardWindowGraphType() : DescribedEnumGraphType<LeaderboardWindow>(
    "LeaderboardWindow",
    "The window a leaderboard ranks over, cut in the tenant's time zone and fiscal calendar; it rolls over by itself.",
    new Dictionary<LeaderboardWindow, string>
    {
        [LeaderboardWindow.Day] = "Today.",
        [LeaderboardWindow.Week] = "This ISO week (Monday to Sunday).",
        [LeaderboardWindow.Month] = "This fiscal month.",
        [LeaderboardWindow.Quarter] = "This fiscal quarter.",
        [LeaderboardWindow.FiscalYear] = "This fiscal year.",
    });

/// <summary>GraphQL enum of <see cref="LeaderboardScope"/>.</summary>
public sealed class LeaderboardScopeGraphType() : DescribedEnumGraphType<LeaderboardScope>(
    "LeaderboardScope",
    "Who may appear on a leaderboard.",
    new Dictionary<LeaderboardScope, string>
    {
        [LeaderboardScope.Company] = "Everyone in the tenant.",
        [LeaderboardScope.Team] = "Members of the team `scopeId` and of every team below it.",
        [LeaderboardScope.Territory] = "Participants assigned to the territory `scopeId` on the date of each contribution.",
    });

/// <summary>GraphQL enum of <see cref="LeaderboardSubject"/>.</summary>
public sealed class LeaderboardSubjectGraphType() : DescribedEnumGraphType<LeaderboardSubject>(
    "LeaderboardSubject",
    "What a leaderboard ranks.",
    new Dictionary<LeaderboardSubject, string>
    {
        [LeaderboardSubject.Participants] = "People.",
        [LeaderboardSubject.Teams] = "Teams: each participant's contribution counts for the team they are a direct member of.",
    });
