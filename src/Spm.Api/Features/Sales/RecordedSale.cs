using Spm.Domain.Sales;

namespace Spm.Api.Features.Sales;

/// <summary>What one input row did.</summary>
public sealed record RecordedSale(int Index, SaleChangeOutcome Outcome, Guid SaleId);
