using Spm.Api.Graph;
using Spm.Domain.Organisation;

namespace Spm.Api.Features.Organisation;

/// <summary>GraphQL enum of <see cref="PeriodKind"/>.</summary>
public sealed class PeriodKindGraphType() : DescribedEnumGraphType<PeriodKind>(
    "PeriodKind",
    "Granularity of a fiscal period.",
    new Dictionary<PeriodKind, string>
    {
        [PeriodKind.FiscalYear] = "A whole fiscal year.",
        [PeriodKind.Quarter] = "A fiscal quarter (three fiscal months).",
        [PeriodKind.Month] = "A fiscal month (a calendar month).",
    });
