using Spm.Api.Graph;
using Spm.Domain.Events;

namespace Spm.Api.Features.Attainment;

/// <summary>GraphQL enum of <see cref="AttainmentScope"/>.</summary>
public sealed class AttainmentScopeGraphType() : DescribedEnumGraphType<AttainmentScope>(
    "AttainmentScope",
    "Whose attainment a figure is.",
    new Dictionary<AttainmentScope, string>
    {
        [AttainmentScope.Participant] = "One participant: every credit they hold, roll-up and overlay included.",
        [AttainmentScope.Team] = "A team: the direct, split and territory credits of its members and of the teams below it (no roll-up, no overlay, so nothing counts twice).",
        [AttainmentScope.Territory] = "A territory: the territory credits of sales in it or in a territory below it (the primary owners' shares, no overlay).",
    });
