using Spm.Domain.Sales;

namespace Spm.Infrastructure.Sales;

/// <summary>What one accepted row did: the sale it landed on, its revision after the row, and how many credit rows it wrote.</summary>
public sealed record SaleResult(int Row, SaleChangeOutcome Outcome, Guid SaleId, int Revision, int CreditsWritten);
