using Spm.Api.Graph;
using Spm.Domain.Sales;

namespace Spm.Api.Features.Sales;

/// <summary>Why a revision of a sale exists.</summary>
public sealed class SaleRevisionKindGraphType() : DescribedEnumGraphType<SaleRevisionKind>(
    "SaleRevisionKind",
    "Why a revision of a sale exists.",
    new Dictionary<SaleRevisionKind, string>
    {
        [SaleRevisionKind.Original] = "The first delivery of the sale.",
        [SaleRevisionKind.Amendment] = "Changed content under the same external id.",
        [SaleRevisionKind.Cancellation] = "The sale was cancelled; the revision repeats the content it withdrew.",
    });
