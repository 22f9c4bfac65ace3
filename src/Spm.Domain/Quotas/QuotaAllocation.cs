using Spm.Domain.Common;

namespace Spm.Domain.Quotas;

/// <summary>
/// Top-down quota allocation through a team tree, exact to the unit at every level and in every period.
/// </summary>
/// <remarks>
/// The allocation runs month by month: each month's target (the plan split by seasonality) goes down the
/// tree with <see cref="TreeAllocator"/>, each carrier weighing its basis weight times its ramp percentage
/// for that month (0 before the hire month). A team weighs the sum of what is below it, so every child sums
/// exactly to its parent; quarters and years are then sums of months, so they do too, and the tree's
/// quarters and year equal the plan's. A new hire at 25 % ramp gets a quarter of what a ramped peer with
/// the same weight gets that month, and the peers carry the rest of the team's month.
/// </remarks>
public static class QuotaAllocation
{
    private const string VirtualRoot = "plan";

    public static IReadOnlyList<AllocatedQuota> Allocate(QuotaAllocationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);

        var teamIds = input.Teams.Select(t => t.Id).ToHashSet();
        var childTeams = input.Teams.Where(t => t.ParentId is { } p && teamIds.Contains(p)).ToLookup(t => t.ParentId!.Value);
        var roots = input.Teams.Where(t => t.ParentId is not { } p || !teamIds.Contains(p)).ToList();
        var members = input.Carriers.Where(c => !c.IsOverlay).ToLookup(c => c.TeamId);
        var overlays = input.Carriers.Where(c => c.IsOverlay).ToList();

        var monthCount = input.Months.Count;
        var teamAmounts = input.Teams.ToDictionary(t => t.Id, _ => new decimal[monthCount]);
        var carrierAmounts = input.Carriers.ToDictionary(c => (c.ParticipantId, c.IsOverlay), _ => new decimal[monthCount]);
        var carrierRamp = input.Carriers.ToDictionary(c => (c.ParticipantId, c.IsOverlay), _ => new decimal?[monthCount]);

        for (var m = 0; m < monthCount; m++)
        {
            var month = input.Months[m];
            var ramp = input.Carriers.ToDictionary(c => (c.ParticipantId, c.IsOverlay), c => RampPercentage(c.HireDate, month.Start, input.RampCurve));
            foreach (var (key, percentage) in ramp)
            {
                carrierRamp[key][m] = percentage < 1m ? percentage : null;
            }

            var visited = new HashSet<Guid>();
            var top = roots.Select(r => Node(r.Id)).Where(n => n.Weight > 0).ToList();
            var rootWeight = top.Sum(n => n.Weight);
            if (rootWeight == 0)
            {
                if (month.Target != 0)
                {
                    throw new DomainException(
                        "ALLOCATION_ZERO_WEIGHTS",
                        $"No quota carrier has a positive weight in the month starting {month.Start:yyyy-MM-dd}, so its target {month.Target} has nobody to go to.");
                }
            }
            else
            {
                foreach (var node in TreeAllocator.Allocate(month.Target, new AllocationNode(VirtualRoot, rootWeight, top), input.Unit))
                {
                    if (node.Id == VirtualRoot)
                    {
                        continue;
                    }

                    var id = Guid.Parse(node.Id.AsSpan(2));
                    if (node.Id[0] == 't')
                    {
                        teamAmounts[id][m] = node.Amount;
                    }
                    else
                    {
                        carrierAmounts[(id, false)][m] = node.Amount;
                    }
                }
            }

            foreach (var overlay in overlays)
            {
                var exact = teamAmounts[overlay.TeamId][m] * input.OverlayShare * ramp[(overlay.ParticipantId, true)];
                carrierAmounts[(overlay.ParticipantId, true)][m] = Math.Round(exact / input.Unit, MidpointRounding.AwayFromZero) * input.Unit;
            }

            AllocationNode Node(Guid teamId)
            {
                if (!visited.Add(teamId))
                {
                    throw new DomainException("HIERARCHY_CYCLE", $"Team {teamId} appears twice in the team tree.");
                }

                var children = new List<AllocationNode>();
                foreach (var child in childTeams[teamId])
                {
                    var node = Node(child.Id);
                    if (node.Weight > 0)
                    {
                        children.Add(node);
                    }
                }

                foreach (var carrier in members[teamId])
                {
                    var weight = carrier.Weight * ramp[(carrier.ParticipantId, false)];
                    if (weight > 0)
                    {
                        children.Add(new AllocationNode("p:" + carrier.ParticipantId.ToString("N"), weight));
                    }
                }

                return new AllocationNode("t:" + teamId.ToString("N"), children.Sum(c => c.Weight), children);
            }
        }

        var result = new List<AllocatedQuota>();
        foreach (var team in input.Teams)
        {
            Emit(QuotaSubjectKind.Team, team.Id, false, teamAmounts[team.Id], null);
        }

        foreach (var carrier in input.Carriers)
        {
            var key = (carrier.ParticipantId, carrier.IsOverlay);
            Emit(QuotaSubjectKind.Participant, carrier.ParticipantId, carrier.IsOverlay, carrierAmounts[key], carrierRamp[key]);
        }

        return result;

        void Emit(QuotaSubjectKind kind, Guid id, bool overlay, decimal[] months, decimal?[]? ramp)
        {
            var byPeriod = new Dictionary<Guid, decimal>();
            for (var m = 0; m < monthCount; m++)
            {
                byPeriod[input.Months[m].PeriodId] = months[m];
                result.Add(new AllocatedQuota(kind, id, input.Months[m].PeriodId, months[m], overlay, ramp?[m]));
            }

            foreach (var aggregate in input.Aggregates)
            {
                var sum = aggregate.ChildPeriodIds.Sum(c => byPeriod[c]);
                byPeriod[aggregate.PeriodId] = sum;
                result.Add(new AllocatedQuota(kind, id, aggregate.PeriodId, sum, overlay, null));
            }
        }
    }

    /// <summary>The ramp percentage in the month starting <paramref name="monthStart"/>, by the same rule as <see cref="RampedQuota"/>.</summary>
    public static decimal RampPercentage(DateOnly hireDate, DateOnly monthStart, IReadOnlyList<decimal> rampCurve) =>
        RampedQuota.Schedule(1m, hireDate, monthStart, 1, rampCurve, Allocator.Cent)[0].Percentage;

    private static void Validate(QuotaAllocationInput input)
    {
        ArgumentNullException.ThrowIfNull(input.Teams);
        ArgumentNullException.ThrowIfNull(input.Carriers);
        ArgumentNullException.ThrowIfNull(input.Months);
        ArgumentNullException.ThrowIfNull(input.Aggregates);
        ArgumentNullException.ThrowIfNull(input.RampCurve);
        if (input.Unit <= 0)
        {
            throw new DomainException("ALLOCATION_UNIT_INVALID", $"The rounding unit must be positive, got {input.Unit}.");
        }

        if (input.OverlayShare is < 0 or > 10)
        {
            throw new DomainException("ALLOCATION_OVERLAY_SHARE_INVALID", $"The overlay share must be between 0 and 10 (0 % to 1000 %), got {input.OverlayShare}.", "overlayShare");
        }

        if (input.Months.Count == 0)
        {
            throw new DomainException("ALLOCATION_NO_PERIODS", "There is no month to allocate.");
        }

        var teams = input.Teams.Select(t => t.Id).ToHashSet();
        var seen = new HashSet<(Guid, bool)>();
        foreach (var carrier in input.Carriers)
        {
            if (carrier.Weight < 0)
            {
                throw new DomainException("ALLOCATION_NEGATIVE_WEIGHT", $"Participant {carrier.ParticipantId} has a negative weight {carrier.Weight}; weights must be zero or more.", "customWeights");
            }

            if (!teams.Contains(carrier.TeamId))
            {
                throw new DomainException("ALLOCATION_UNKNOWN_TEAM", $"Participant {carrier.ParticipantId} belongs to team {carrier.TeamId}, which is not in the tree.");
            }

            if (!seen.Add((carrier.ParticipantId, carrier.IsOverlay)))
            {
                throw new DomainException("ALLOCATION_DUPLICATE_CHILD", $"Participant {carrier.ParticipantId} appears more than once.");
            }
        }
    }
}
