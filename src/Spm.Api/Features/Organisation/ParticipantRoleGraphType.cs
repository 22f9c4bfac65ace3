using Spm.Api.Graph;
using Spm.Domain.Organisation;

namespace Spm.Api.Features.Organisation;

/// <summary>GraphQL enum of <see cref="ParticipantRole"/>.</summary>
public sealed class ParticipantRoleGraphType() : DescribedEnumGraphType<ParticipantRole>(
    "ParticipantRole",
    "What a participant does in the sales organisation (not what they may access).",
    new Dictionary<ParticipantRole, string>
    {
        [ParticipantRole.Rep] = "A quota-carrying seller.",
        [ParticipantRole.Manager] = "Manages a team of sellers.",
        [ParticipantRole.Executive] = "Leads the sales organisation (e.g. VP of sales).",
        [ParticipantRole.Overlay] = "A specialist credited alongside the account owner.",
        [ParticipantRole.SalesOperations] = "Sales operations: designs territories, quotas and plans.",
        [ParticipantRole.Finance] = "Finance partner: accruals, payouts and audit.",
    });
