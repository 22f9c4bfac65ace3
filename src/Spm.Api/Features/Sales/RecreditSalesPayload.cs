using Spm.Api.Graph;
using Spm.Infrastructure.Sales;

namespace Spm.Api.Features.Sales;

/// <summary>Result of `recreditSales`.</summary>
public sealed record RecreditSalesPayload(int SalesExamined, int SalesAdjusted, bool DryRun, IReadOnlyList<StoredCredit> Adjustments, IReadOnlyList<UserError> Errors);
