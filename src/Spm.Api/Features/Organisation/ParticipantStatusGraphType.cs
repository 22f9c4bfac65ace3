using Spm.Api.Graph;
using Spm.Domain.Organisation;

namespace Spm.Api.Features.Organisation;

/// <summary>GraphQL enum of <see cref="ParticipantStatus"/>.</summary>
public sealed class ParticipantStatusGraphType() : DescribedEnumGraphType<ParticipantStatus>(
    "ParticipantStatus",
    "Employment state of a participant.",
    new Dictionary<ParticipantStatus, string>
    {
        [ParticipantStatus.Active] = "Employed and earning.",
        [ParticipantStatus.OnLeave] = "Employed but on leave.",
        [ParticipantStatus.Terminated] = "Left the company; history is kept.",
    });
