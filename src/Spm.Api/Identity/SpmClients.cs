using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Spm.Api.Identity;

/// <summary>Registers confidential clients (integrations, scripts) for the client-credentials flow.</summary>
public static class SpmClients
{
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A 40-character alphanumeric secret (about 238 bits); safe in URLs and Basic auth.</summary>
    public static string NewSecret() => RandomNumberGenerator.GetString(SecretAlphabet, 40);

    /// <summary>Creates the client, or brings an existing one to exactly this tenant, role, scopes and secret.</summary>
    public static async Task CreateOrUpdateAsync(
        IOpenIddictApplicationManager applications,
        string clientId,
        string secret,
        Guid tenantId,
        string role,
        IEnumerable<string> scopes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(scopes);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = clientId,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        descriptor.Properties[SpmClientProperties.Tenant] = JsonSerializer.SerializeToElement(tenantId.ToString("D", CultureInfo.InvariantCulture));
        descriptor.Properties[SpmClientProperties.Role] = JsonSerializer.SerializeToElement(role);

        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }
}
