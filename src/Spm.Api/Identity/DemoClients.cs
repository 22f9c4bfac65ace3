namespace Spm.Api.Identity;

/// <summary>The demo tenant's OAuth clients; their secrets live only in the data folder.</summary>
internal static class DemoClients
{
    /// <summary>The public device client of the office TV page.</summary>
    public const string TvClientId = "spm-tv";

    public static readonly IReadOnlyList<DemoClient> All =
    [
        new("demo-partner", "partner", [SpmScopes.Read, SpmScopes.LeaderboardsRead]),
        new("demo-admin", "admin", SpmScopes.All),
    ];

    public static string SecretPath(string dataDirectory, string clientId) => Path.Combine(dataDirectory, "secrets", clientId);
}
