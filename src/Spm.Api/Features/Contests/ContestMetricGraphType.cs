using Spm.Api.Graph;
using Spm.Domain.Live;

namespace Spm.Api.Features.Contests;

/// <summary>What a contest ranks by (the live metrics shared with leaderboards).</summary>
public sealed class ContestMetricGraphType() : DescribedEnumGraphType<LiveMetric>(
    "ContestMetric",
    "What a contest ranks by; a deal counts in a contest exactly as on a leaderboard.",
    new Dictionary<LiveMetric, string>
    {
        [LiveMetric.CreditedRevenue] = "Credited amount in the reporting currency (roll-up credits left out).",
        [LiveMetric.DealsWon] = "Sales owned (a cancellation counts minus one).",
        [LiveMetric.AttainmentPercent] = "Attainment percent of quota (absolute; not for team or most-improved contests).",
        [LiveMetric.Calls] = "Calls logged.",
        [LiveMetric.Emails] = "Emails logged.",
        [LiveMetric.Meetings] = "Meetings logged.",
        [LiveMetric.Demos] = "Demos logged.",
        [LiveMetric.Visits] = "Visits logged.",
    });
