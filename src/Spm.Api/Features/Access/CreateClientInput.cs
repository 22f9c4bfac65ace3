namespace Spm.Api.Features.Access;

/// <summary>Input of `createClient`.</summary>
public sealed record CreateClientInput(string Name, AccessRole Role, IReadOnlyList<string> Scopes, bool? PersistedDocumentsOnly, IReadOnlyList<string>? RedirectUris = null);
