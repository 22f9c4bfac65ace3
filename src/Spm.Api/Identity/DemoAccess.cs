using System.Globalization;
using System.Text;

namespace Spm.Api.Identity;

/// <summary>The text `demo-access` prints: how to get a token for each demo client and use it.</summary>
internal static class DemoAccess
{
    private const string SampleQuery = "{\\\"query\\\":\\\"{ participants(first: 5) { totalCount nodes { name } } }\\\"}";

    public static string Describe(string dataDirectory, string baseUrl)
    {
        var text = new StringBuilder();
        text.AppendLine("Demo access (tenant acme), OAuth 2 client credentials:");
        foreach (var client in DemoClients.All)
        {
            var secretPath = DemoClients.SecretPath(dataDirectory, client.ClientId);
            if (!File.Exists(secretPath))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {client.ClientId}: not seeded yet (run seed-demo)");
                continue;
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"  {client.ClientId} (role {client.Role}; scopes {string.Join(' ', client.Scopes)}; secret in {secretPath})");
            text.AppendLine(CultureInfo.InvariantCulture, $"    TOKEN=$(curl -s -u {client.ClientId}:$(cat '{secretPath}') -d grant_type=client_credentials {baseUrl}{TokenEndpoint.Path} | tr -d '\\n ' | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
            text.AppendLine(CultureInfo.InvariantCulture, $"    curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d \"{SampleQuery}\" {baseUrl}/graphql");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"GraphiQL: open {baseUrl}/graphql in a browser and sign in as one of the people below (client '{DemoUsers.GraphiQLClientId}').");
        text.AppendLine(CultureInfo.InvariantCulture, $"People sign in at {baseUrl}{AccountEndpoints.LoginPath} (authorization code + PKCE, client '{DemoUsers.WebClientId}', redirect {DemoUsers.WebRedirectUri}):");
        foreach (var (userName, role, _) in DemoUsers.All)
        {
            var passwordPath = DemoUsers.PasswordPath(dataDirectory, userName);
            text.AppendLine(File.Exists(passwordPath)
                ? string.Create(CultureInfo.InvariantCulture, $"  {userName} (role {role}; password: cat '{passwordPath}')")
                : string.Create(CultureInfo.InvariantCulture, $"  {userName}: not seeded yet (run seed-demo)"));
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Pair an office TV (device flow, public client '{DemoClients.TvClientId}'):");
        text.AppendLine(CultureInfo.InvariantCulture, $"  1. the screen asks for codes:  curl -s -d client_id={DemoClients.TvClientId} -d 'scope=leaderboards.read offline_access' {baseUrl}{Hosting.AuthExtensions.DeviceEndpointPath}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  2. a manager or admin (demo-manager, demo-admin) opens {baseUrl}{VerifyEndpoint.Path}, types the user_code, names the screen and lists its boards");
        text.AppendLine(CultureInfo.InvariantCulture, $"  3. the screen polls for its tokens:  curl -s -d grant_type=urn:ietf:params:oauth:grant-type:device_code -d client_id={DemoClients.TvClientId} -d device_code=DEVICE_CODE {baseUrl}{TokenEndpoint.Path}");
        text.AppendLine("  Admins list screens with `{ displays { id name allowedBoards } }` and end one with `unpairDisplay`.");
        return text.ToString();
    }
}
