namespace Spm.Api.Features.Access;

/// <summary>The caller as the `me` field shows it.</summary>
public sealed record CallerView(string Subject, CallerKind Kind, AccessRole? Role, IReadOnlyList<string> Scopes, Guid TenantId, Guid? ParticipantId, Guid? DisplayId);
