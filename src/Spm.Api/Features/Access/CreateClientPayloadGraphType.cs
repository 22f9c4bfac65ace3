namespace Spm.Api.Features.Access;

/// <summary>Result of `createClient`.</summary>
public sealed class CreateClientPayloadGraphType() : ClientSecretPayloadGraphType("CreateClientPayload", "The created client and its secret, shown once.");
