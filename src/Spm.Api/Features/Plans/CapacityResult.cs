using Spm.Domain.Organisation;
using Spm.Domain.Planning;

namespace Spm.Api.Features.Plans;

/// <summary>A capacity model run over a plan, with the stored or what-if assumptions it used.</summary>
public sealed record CapacityResult(
    SalesPlan Plan,
    decimal RevenueTarget,
    CapacityAssumptions Assumptions,
    int CurrentHeadcount,
    CapacityPlan Model,
    IReadOnlyList<Period> Months,
    bool IsWhatIf);
