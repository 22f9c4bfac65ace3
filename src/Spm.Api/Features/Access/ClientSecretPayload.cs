using Spm.Api.Graph;

namespace Spm.Api.Features.Access;

/// <summary>Result of `createClient` and `rotateClientSecret`: the secret appears here once and nowhere else.</summary>
public sealed record ClientSecretPayload(ClientView? Client, string? ClientSecret, IReadOnlyList<UserError> Errors)
{
    public static ClientSecretPayload Failed(UserError error) => new(null, null, [error]);
}
