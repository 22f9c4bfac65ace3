using Spm.Api.Graph;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>What territories are compared on.</summary>
public sealed class BalanceMetricGraphType() : DescribedEnumGraphType<BalanceMetric>(
    "TerritoryBalanceMetric",
    "A measure sibling territories are compared on.",
    new Dictionary<BalanceMetric, string>
    {
        [BalanceMetric.Potential] = "Sum of the accounts' potential (market opportunity).",
        [BalanceMetric.AccountCount] = "Number of accounts (workload).",
        [BalanceMetric.OpenPipeline] = "Open pipeline of the accounts; always 0 until opportunities exist (the pipeline issue).",
        [BalanceMetric.LastYearRevenue] = "Last year's revenue: the accounts' annual revenue field until sales history exists.",
    });
