using Spm.Api.Features.Relay;
using Spm.Domain.Organisation;

namespace Spm.Api.Features.Organisation;

/// <summary>A page of participants.</summary>
public sealed class ParticipantConnectionGraphType() : ConnectionGraphType<ParticipantGraphType, Participant>("Participant", "participants");
