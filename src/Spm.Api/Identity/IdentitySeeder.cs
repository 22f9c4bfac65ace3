using OpenIddict.Abstractions;

namespace Spm.Api.Identity;

/// <summary>
/// Creates the demo tenant's clients. A secret is generated once and kept in the data folder
/// (owner-only); running again re-applies the same secret, so the file and the database agree.
/// </summary>
internal sealed class IdentitySeeder(IOpenIddictApplicationManager applications, string dataDirectory)
{
    public async Task SeedAsync(Guid demoTenantId, CancellationToken cancellationToken)
    {
        foreach (var client in DemoClients.All)
        {
            var path = DemoClients.SecretPath(dataDirectory, client.ClientId);
            var secret = SecretFiles.Read(path);
            if (string.IsNullOrEmpty(secret))
            {
                secret = SpmClients.NewSecret();
                SecretFiles.Write(path, secret);
            }

            await SpmClients.CreateOrUpdateAsync(applications, client.ClientId, secret, demoTenantId, client.Role, client.Scopes, cancellationToken);
        }
    }
}
