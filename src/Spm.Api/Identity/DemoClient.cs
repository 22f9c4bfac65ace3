namespace Spm.Api.Identity;

/// <summary>One seeded demo client: its id, its role and the scopes it may ask for.</summary>
internal sealed record DemoClient(string ClientId, string Role, IReadOnlyList<string> Scopes);
