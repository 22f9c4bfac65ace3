using Spm.Api.Graph;
using Spm.Domain.Approvals;
using Spm.Domain.Organisation;
using Spm.Domain.Planning;
using Spm.Domain.Quotas;

namespace Spm.Api.Features.Quotas;

/// <summary>Result of `allocateQuotas`.</summary>
public sealed record AllocateQuotasPayload(
    SalesPlan? Plan,
    Period? Period,
    decimal? Total,
    int QuotaCount,
    int ChangedCount,
    IReadOnlyList<Quota> TopQuotas,
    IReadOnlyList<UserError> Errors)
{
    public static AllocateQuotasPayload Failed(UserError error) => new(null, null, null, 0, 0, [], [error]);
}

/// <summary>Result of `adjustQuota`.</summary>
public sealed record AdjustQuotaPayload(Quota? Quota, IReadOnlyList<Quota> ChangedQuotas, IReadOnlyList<UserError> Errors);

/// <summary>Result of `submitQuotas`, `approveQuotas` and `rejectQuotas`.</summary>
public sealed record QuotaApprovalPayload(ApprovalRecord? ApprovalRequest, int QuotaCount, IReadOnlyList<UserError> Errors);
