using Spm.Api.Graph;
using Spm.Domain.Live;

namespace Spm.Api.Features.Contests;

/// <summary>Contest lifecycle states.</summary>
public sealed class ContestStatusGraphType() : DescribedEnumGraphType<ContestStatus>(
    "ContestStatus",
    "Where a contest is in its life: SCHEDULED -> RUNNING -> ENDED, or CANCELLED.",
    new Dictionary<ContestStatus, string>
    {
        [ContestStatus.Scheduled] = "Created; starts at `startsAt`. Only now may it be edited.",
        [ContestStatus.Running] = "Between start and end; live scores move with every sale and activity.",
        [ContestStatus.Ended] = "Over; final standings frozen and winners announced.",
        [ContestStatus.Cancelled] = "Called off; no winners.",
    });
