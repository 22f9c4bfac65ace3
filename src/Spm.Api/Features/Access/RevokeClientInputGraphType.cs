namespace Spm.Api.Features.Access;

/// <summary>Input of `revokeClient`.</summary>
public sealed class RevokeClientInputGraphType() : ClientIdInputGraphType("RevokeClientInput", "The client to revoke.");
