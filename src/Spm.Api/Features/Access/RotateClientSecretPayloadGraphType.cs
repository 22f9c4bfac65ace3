namespace Spm.Api.Features.Access;

/// <summary>Result of `rotateClientSecret`.</summary>
public sealed class RotateClientSecretPayloadGraphType() : ClientSecretPayloadGraphType("RotateClientSecretPayload", "The client and its new secret, shown once; the old secret no longer authenticates.");
