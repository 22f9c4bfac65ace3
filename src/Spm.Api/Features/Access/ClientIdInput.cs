namespace Spm.Api.Features.Access;

/// <summary>Input naming one client by global id (`rotateClientSecret`, `revokeClient`).</summary>
public sealed record ClientIdInput(string Id);
