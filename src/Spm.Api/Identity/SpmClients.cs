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
    public static string NewSecret()
    {
        // Also used as a demo password, so it must satisfy Identity's character classes.
        string secret;
        do
        {
            secret = RandomNumberGenerator.GetString(SecretAlphabet, 40);
        }
        while (!secret.Any(char.IsAsciiLetterUpper) || !secret.Any(char.IsAsciiLetterLower) || !secret.Any(char.IsAsciiDigit));

        return secret;
    }

    /// <summary>Creates the client, or brings an existing one to exactly this tenant, role, scopes and secret (any document allowed).</summary>
    public static Task CreateOrUpdateAsync(
        IOpenIddictApplicationManager applications,
        string clientId,
        string secret,
        Guid tenantId,
        string role,
        IEnumerable<string> scopes,
        CancellationToken cancellationToken)
        => CreateOrUpdateAsync(applications, clientId, secret, tenantId, role, scopes, persistedOnly: false, cancellationToken);

    /// <summary>
    /// Creates the client, or brings an existing one to exactly this tenant, role, scopes, secret
    /// and document policy. <paramref name="persistedOnly"/> limits the client to persisted documents
    /// (<see cref="SpmClientProperties.PersistedOnly"/>); it takes effect with the next token issued.
    /// </summary>
    public static async Task CreateOrUpdateAsync(
        IOpenIddictApplicationManager applications,
        string clientId,
        string secret,
        Guid tenantId,
        string role,
        IEnumerable<string> scopes,
        bool persistedOnly,
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
        if (persistedOnly)
        {
            descriptor.Properties[SpmClientProperties.PersistedOnly] = JsonSerializer.SerializeToElement("true");
        }

        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }

    /// <summary>
    /// A public client (browser app, CLI) for people: authorization code with PKCE required,
    /// refresh tokens, exact redirect URIs, no secret.
    /// </summary>
    public static async Task CreateOrUpdatePublicClientAsync(
        IOpenIddictApplicationManager applications,
        string clientId,
        IEnumerable<Uri> redirectUris,
        IEnumerable<string> scopes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(redirectUris);
        ArgumentNullException.ThrowIfNull(scopes);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = clientId,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirectUris)
        {
            descriptor.RedirectUris.Add(uri);
        }

        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }

    /// <summary>
    /// A public device client (an office TV page): the device flow and refresh tokens, leaderboards
    /// only. Approval happens at the verification page, so the client itself holds no secret.
    /// </summary>
    public static async Task CreateOrUpdateDeviceClientAsync(IOpenIddictApplicationManager applications, string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            DisplayName = clientId,
            Permissions =
            {
                Permissions.Endpoints.DeviceAuthorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.DeviceCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.Prefixes.Scope + SpmScopes.LeaderboardsRead,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
        };

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
