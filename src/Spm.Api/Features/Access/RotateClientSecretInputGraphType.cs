namespace Spm.Api.Features.Access;

/// <summary>Input of `rotateClientSecret`.</summary>
public sealed class RotateClientSecretInputGraphType() : ClientIdInputGraphType("RotateClientSecretInput", "The client whose secret to replace.");
