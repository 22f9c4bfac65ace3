using Spm.Api.Graph;
using Spm.Domain.Crediting;

namespace Spm.Api.Features.Sales;

/// <summary>Why a participant holds a credit.</summary>
public sealed class CreditTypeGraphType() : DescribedEnumGraphType<CreditType>(
    "CreditType",
    "Why a participant holds a credit.",
    new Dictionary<CreditType, string>
    {
        [CreditType.Direct] = "The sale's owner (the whole sale, or the owner's line of the split table).",
        [CreditType.Split] = "A co-seller's line of the split table.",
        [CreditType.Territory] = "A primary owner of the territory the account falls in on the close date.",
        [CreditType.Overlay] = "A specialist assigned to that territory as an overlay.",
        [CreditType.Rollup] = "Indirect credit to a manager above credited reps.",
        [CreditType.Adjustment] = "A delta written when a period is re-credited.",
    });
