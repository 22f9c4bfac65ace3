using Spm.Api.Graph;
using Spm.Domain.Planning;

namespace Spm.Api.Features.Plans;

/// <summary>GraphQL enum of <see cref="SalesPlanStatus"/>.</summary>
public sealed class SalesPlanStatusGraphType() : DescribedEnumGraphType<SalesPlanStatus>(
    "SalesPlanStatus",
    "Where a sales plan is in its life.",
    new Dictionary<SalesPlanStatus, string>
    {
        [SalesPlanStatus.Draft] = "Being prepared; targets and assumptions may still change.",
        [SalesPlanStatus.Active] = "The plan of record for its fiscal year.",
        [SalesPlanStatus.Closed] = "The fiscal year is over; kept for history.",
    });
