using Spm.Api.Graph;

namespace Spm.Api.Features.Access;

/// <summary>Result of `inviteUser`.</summary>
public sealed record InviteUserPayload(Guid? UserId, string? Email, Guid? ParticipantId, string? InvitationUrl, DateTimeOffset? ExpiresAt, IReadOnlyList<UserError> Errors)
{
    public static InviteUserPayload Failed(UserError error) => new(null, null, null, null, null, [error]);
}
