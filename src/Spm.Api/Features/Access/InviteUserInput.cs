namespace Spm.Api.Features.Access;

/// <summary>Input of `inviteUser`.</summary>
public sealed record InviteUserInput(string ParticipantId, string Email, AccessRole Role);
