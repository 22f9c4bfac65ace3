using Spm.Api.Graph;

namespace Spm.Api.Features.Access;

/// <summary>Result of `revokeClient`.</summary>
public sealed record RevokeClientPayload(ClientView? Client, IReadOnlyList<UserError> Errors);
