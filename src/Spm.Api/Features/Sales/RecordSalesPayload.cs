using Spm.Api.Graph;

namespace Spm.Api.Features.Sales;

/// <summary>Result of `recordSales` and `cancelSale`.</summary>
public sealed record RecordSalesPayload(IReadOnlyList<RecordedSale> Results, IReadOnlyList<UserError> Errors);
