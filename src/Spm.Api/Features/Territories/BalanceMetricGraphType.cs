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
        [BalanceMetric.OpenPipeline] = "Open pipeline of the accounts: opportunities neither won nor lost, in reporting currency.",
        [BalanceMetric.LastYearRevenue] = "Last year's revenue: sales of the accounts closed in the twelve months before the date, in reporting currency.",
    });
