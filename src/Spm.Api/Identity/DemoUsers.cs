using Spm.Domain.Organisation;

namespace Spm.Api.Identity;

/// <summary>One demo person per role, each linked to a participant of the demo tenant.</summary>
internal static class DemoUsers
{
    public const string WebClientId = "demo-web";

    /// <summary>Where a local dashboard (Vite's default port) receives its code.</summary>
    public static readonly Uri WebRedirectUri = new("http://localhost:5173/callback");

    public static readonly IReadOnlyList<(string UserName, string Role, ParticipantRole Participant)> All =
    [
        ("demo-admin", "admin", ParticipantRole.SalesOperations),
        ("demo-finance", "finance", ParticipantRole.Finance),
        ("demo-manager", "manager", ParticipantRole.Manager),
        ("demo-rep", "rep", ParticipantRole.Rep),
    ];

    public static string PasswordPath(string dataDirectory, string userName) => Path.Combine(dataDirectory, "secrets", "user-" + userName);
}
