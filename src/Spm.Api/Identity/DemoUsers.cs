using Spm.Domain.Organisation;

namespace Spm.Api.Identity;

/// <summary>One demo person per role, each linked to a participant of the demo tenant.</summary>
internal static class DemoUsers
{
    public const string WebClientId = "demo-web";

    /// <summary>Where a local dashboard (Vite's default port) receives its code.</summary>
    public static readonly Uri WebRedirectUri = new("http://localhost:5173/callback");

    /// <summary>The public client of the GraphiQL page the API serves at GET /graphql.</summary>
    public const string GraphiQLClientId = "spm-graphiql";

    /// <summary>
    /// Where GraphiQL receives its code, for each base URL it may be opened at: redirect URIs
    /// match exactly, so both loopback spellings and the given port are registered.
    /// </summary>
    public static IReadOnlyList<Uri> GraphiQLRedirectUris(IEnumerable<Uri> baseUrls) =>
        [.. baseUrls
            .SelectMany(b => new[] { b, new UriBuilder(b) { Host = b.Host == "localhost" ? "127.0.0.1" : b.IsLoopback ? "localhost" : b.Host }.Uri })
            .Select(b => new Uri(b, "/graphiql/callback.html"))
            .Distinct()];

    public static readonly IReadOnlyList<(string UserName, string Role, ParticipantRole Participant)> All =
    [
        ("demo-admin", "admin", ParticipantRole.SalesOperations),
        ("demo-finance", "finance", ParticipantRole.Finance),
        ("demo-manager", "manager", ParticipantRole.Manager),
        ("demo-rep", "rep", ParticipantRole.Rep),
    ];

    public static string PasswordPath(string dataDirectory, string userName) => Path.Combine(dataDirectory, "secrets", "user-" + userName);
}
