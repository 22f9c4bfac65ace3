using Spm.Api.Graph;
using Spm.Domain.Sales;

namespace Spm.Api.Features.Sales;

/// <summary>What a delivery did to a sale's history.</summary>
public sealed class SaleChangeOutcomeGraphType() : DescribedEnumGraphType<SaleChangeOutcome>(
    "SaleChangeOutcome",
    "What a delivery of a sale did.",
    new Dictionary<SaleChangeOutcome, string>
    {
        [SaleChangeOutcome.Recorded] = "A new sale: revision 1 and its credits.",
        [SaleChangeOutcome.Amended] = "Changed content: a new revision; the old credits were reversed and new ones written.",
        [SaleChangeOutcome.Cancelled] = "The sale was cancelled: a cancellation revision and reversals of its credits.",
        [SaleChangeOutcome.Replayed] = "The same content (or a repeated cancellation) arrived again: nothing changed.",
    });
