using Spm.Api.Graph;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>The result of assigning or unassigning a participant.</summary>
public sealed record AssignmentPayload(TerritoryParticipant? Assignment, TerritoryView? Territory, IReadOnlyList<UserError> Errors);
