using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Spm.Infrastructure.Identity;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Identity;

/// <summary>
/// Creates the demo tenant's clients and people. A secret or password is generated once and
/// kept in the data folder (owner-only); running again re-applies the same one, so the file and
/// the database agree.
/// </summary>
/// <param name="services">A scope's services.</param>
/// <param name="dataDirectory">Where secrets are kept.</param>
/// <param name="baseUrls">Where the API is served (GraphiQL's redirect URIs); the default port is always included.</param>
internal sealed class IdentitySeeder(IServiceProvider services, string dataDirectory, IReadOnlyList<Uri>? baseUrls = null)
{
    /// <summary>Where `./spm up` serves the API unless told otherwise.</summary>
    public static readonly Uri DefaultBaseUrl = new("http://127.0.0.1:5080");

    public async Task SeedAsync(Guid demoTenantId, CancellationToken cancellationToken)
    {
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in DemoClients.All)
        {
            var secret = ReadOrCreate(DemoClients.SecretPath(dataDirectory, client.ClientId));
            await SpmClients.CreateOrUpdateAsync(applications, client.ClientId, secret, demoTenantId, client.Role, client.Scopes, cancellationToken);
        }

        await SpmClients.CreateOrUpdatePublicClientAsync(applications, DemoUsers.WebClientId, [DemoUsers.WebRedirectUri], SpmScopes.All, cancellationToken);
        await SpmClients.CreateOrUpdatePublicClientAsync(
            applications,
            DemoUsers.GraphiQLClientId,
            DemoUsers.GraphiQLRedirectUris([DefaultBaseUrl, .. baseUrls ?? []]),
            SpmScopes.All,
            cancellationToken);
        await SpmClients.CreateOrUpdateDeviceClientAsync(applications, DemoClients.TvClientId, cancellationToken);

        var db = services.GetRequiredService<SpmDbContext>();
        var users = services.GetRequiredService<UserManager<SpmUser>>();
        foreach (var (userName, role, participantRole) in DemoUsers.All)
        {
            var participant = await db.Participants.IgnoreQueryFilters()
                .Where(p => p.TenantId == demoTenantId && p.Role == participantRole)
                .OrderBy(p => p.Name).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
            var password = ReadOrCreate(DemoUsers.PasswordPath(dataDirectory, userName));
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                user = new SpmUser { Id = Guid.CreateVersion7(), UserName = userName, TenantId = demoTenantId, ParticipantId = participant, Role = role };
                Check(await users.CreateAsync(user, password));
                continue;
            }

            user.TenantId = demoTenantId;
            user.ParticipantId = participant;
            user.Role = role;
            Check(await users.UpdateAsync(user));
            if (!await users.CheckPasswordAsync(user, password))
            {
                Check(await users.RemovePasswordAsync(user));
                Check(await users.AddPasswordAsync(user, password));
            }
        }
    }

    private static string ReadOrCreate(string path)
    {
        var secret = SecretFiles.Read(path);
        if (string.IsNullOrEmpty(secret))
        {
            secret = SpmClients.NewSecret();
            SecretFiles.Write(path, secret);
        }

        return secret;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding a demo user failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
