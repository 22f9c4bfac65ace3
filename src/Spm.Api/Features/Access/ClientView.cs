namespace Spm.Api.Features.Access;

/// <summary>What an admin may see of a registered client: never its secret.</summary>
public sealed record ClientView(
    Guid Id,
    string ClientId,
    string Name,
    string Role,
    IReadOnlyList<string> Scopes,
    bool PersistedDocumentsOnly,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? RevokedAt);
