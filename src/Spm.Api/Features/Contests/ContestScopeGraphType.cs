using Spm.Api.Graph;
using Spm.Domain.Contests;

namespace Spm.Api.Features.Contests;

/// <summary>Who takes part when no explicit participants are listed.</summary>
public sealed class ContestScopeGraphType() : DescribedEnumGraphType<ContestScope>(
    "ContestScope",
    "Who takes part when the contest lists no participants.",
    new Dictionary<ContestScope, string>
    {
        [ContestScope.Company] = "Every active rep of the company.",
        [ContestScope.Team] = "The active reps of `scopeTeamId` and its sub-teams.",
    });
