using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using OpenIddict.Abstractions;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Api.Identity;
using Spm.Domain.Common;
using Spm.Infrastructure.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Spm.Api.Features.Access;

/// <summary>
/// Creates, rotates and revokes confidential clients of the caller's tenant. OpenIddict hashes
/// secrets, so a secret exists in clear only in the mutation's response. Each change and its
/// audit entry commit in one transaction (OpenIddict's stores share the request's DbContext).
/// </summary>
public sealed class ClientAdministration(
    SpmDbContext db,
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    AuditTrail audit,
    Caller caller,
    TimeProvider clock)
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public async Task<ClientSecretPayload> CreateAsync(CreateClientInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tenant = caller.RequireTenant();
        try
        {
            var name = Guard.NotBlank(input.Name, "input.name", 100);
            var role = input.Role is AccessRole.Partner or AccessRole.Admin
                ? input.Role.ToClaim()
                : throw new DomainException("INVALID_ROLE", "A client is either PARTNER (read-only) or ADMIN (integration).", "input.role");
            var scopes = CheckScopes(role, input.Scopes);
            var redirectUris = CheckRedirectUris(input.RedirectUris);
            // A dashboard is a public client for people: no secret, code + PKCE only.
            var secret = redirectUris.Count > 0 ? null : SpmClients.NewSecret();
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = NewClientId(name),
                ClientSecret = secret,
                ClientType = secret is null ? ClientTypes.Public : ClientTypes.Confidential,
                ConsentType = ConsentTypes.Implicit,
                DisplayName = name,
            };
            if (secret is null)
            {
                descriptor.Permissions.UnionWith([
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                    Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code, Permissions.Prefixes.Scope + Scopes.OfflineAccess]);
                descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
                descriptor.RedirectUris.UnionWith(redirectUris);
            }
            else
            {
                descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
            }
            foreach (var scope in scopes)
            {
                descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            }

            descriptor.Properties[SpmClientProperties.Tenant] = JsonSerializer.SerializeToElement(tenant.ToString("D", CultureInfo.InvariantCulture));
            descriptor.Properties[SpmClientProperties.Role] = JsonSerializer.SerializeToElement(role);
            if (input.PersistedDocumentsOnly == true)
            {
                // The same encoding SpmClients uses; the token endpoint copies it into the token.
                descriptor.Properties[SpmClientProperties.PersistedOnly] = JsonSerializer.SerializeToElement("true");
            }

            descriptor.Properties[SpmClientProperties.CreatedAt] = JsonSerializer.SerializeToElement(clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var application = await applications.CreateAsync(descriptor, cancellationToken);
            var id = Guid.Parse(await applications.GetIdAsync(application, cancellationToken) ?? throw new InvalidOperationException("OpenIddict gave the application no id."));
            var view = await ClientDirectory.FindAsync(db, tenant, id, cancellationToken) ?? throw new InvalidOperationException("The created client cannot be read back.");
            audit.Record(db, "client.created", ClientGraphType.TypeName, view.ClientId, null, view);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ClientSecretPayload(view, secret, []);
        }
        catch (DomainException error)
        {
            return ClientSecretPayload.Failed(UserError.From(error));
        }
    }

    public async Task<ClientSecretPayload> RotateSecretAsync(ClientIdInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (view, application) = await FindActiveAsync(input.Id, cancellationToken);
            var secret = SpmClients.NewSecret();
            // Existing access tokens stay valid until they expire; only the old secret stops working.
            await applications.UpdateAsync(application, secret, cancellationToken);
            audit.Record(db, "client.secret.rotated", ClientGraphType.TypeName, view.ClientId, view, view);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ClientSecretPayload(view, secret, []);
        }
        catch (DomainException error)
        {
            return ClientSecretPayload.Failed(UserError.From(error));
        }
    }

    public async Task<RevokeClientPayload> RevokeAsync(ClientIdInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (before, application) = await FindActiveAsync(input.Id, cancellationToken);
            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, application, cancellationToken);
            // No endpoint, no grant, and a secret nobody knows: the token endpoint refuses it
            // three times over. The scopes stay, so admins can still see what it could do.
            descriptor.Permissions.RemoveWhere(p => !p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal));
            descriptor.ClientSecret = SpmClients.NewSecret();
            descriptor.Properties[SpmClientProperties.RevokedAt] = JsonSerializer.SerializeToElement(clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            await applications.UpdateAsync(application, descriptor, cancellationToken);
            // Its tokens carry kind=client, whose entries the validation checks on every request.
            await tokens.RevokeByApplicationIdAsync(before.Id.ToString("D", CultureInfo.InvariantCulture), cancellationToken);
            var after = await ClientDirectory.FindAsync(db, caller.RequireTenant(), before.Id, cancellationToken);
            audit.Record(db, "client.revoked", ClientGraphType.TypeName, before.ClientId, before, after);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new RevokeClientPayload(after, []);
        }
        catch (DomainException error)
        {
            return new RevokeClientPayload(null, [UserError.From(error)]);
        }
    }

    private async Task<(ClientView View, object Application)> FindActiveAsync(string globalId, CancellationToken cancellationToken)
    {
        // Another tenant's client answers exactly like a missing one.
        var view = GlobalId.TryDecode(globalId, ClientGraphType.TypeName) is { } id
            ? await ClientDirectory.FindAsync(db, caller.RequireTenant(), id, cancellationToken)
            : null;
        if (view is null)
        {
            throw new DomainException("NOT_FOUND", "No client has this id.", "input.id");
        }

        if (view.RevokedAt is not null)
        {
            throw new DomainException("CONFLICT", "The client is revoked.", "input.id");
        }

        var application = await applications.FindByIdAsync(view.Id.ToString("D", CultureInfo.InvariantCulture), cancellationToken)
            ?? throw new DomainException("NOT_FOUND", "No client has this id.", "input.id");
        return (view, application);
    }

    /// <summary>Exact, absolute redirect URIs: https anywhere, http only on the developer's loopback.</summary>
    private static List<Uri> CheckRedirectUris(IReadOnlyList<string>? requested)
    {
        var uris = new List<Uri>();
        var given = requested ?? [];
        if (given.Count > 10)
        {
            throw new DomainException("TOO_MANY", "A dashboard may register at most 10 redirect URIs.", "input.redirectUris");
        }

        for (var i = 0; i < given.Count; i++)
        {
            var field = "input.redirectUris." + i.ToString(CultureInfo.InvariantCulture);
            if (!Uri.TryCreate(given[i]?.Trim(), UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Fragment) || given[i].Length > 2000
                || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            {
                throw new DomainException("INVALID_REDIRECT_URI", $"'{given[i]}' is not an absolute https URI (http only on loopback) without a fragment.", field);
            }

            uris.Add(uri);
        }

        return uris;
    }

    private static List<string> CheckScopes(string role, IReadOnlyList<string>? requested)
    {
        var allowed = AccessMatrix.ScopesOf(role);
        var scopes = (requested ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0)
        {
            throw new DomainException("REQUIRED", $"Choose at least one scope; a {role} client may have: {string.Join(", ", allowed)}.", "input.scopes");
        }

        for (var i = 0; i < scopes.Count; i++)
        {
            if (!allowed.Contains(scopes[i], StringComparer.Ordinal))
            {
                throw new DomainException("INVALID_SCOPE", $"Scope '{scopes[i]}' is not one a {role} client may have ({string.Join(", ", allowed)}).", "input.scopes." + i.ToString(CultureInfo.InvariantCulture));
            }
        }

        return scopes;
    }

    /// <summary>A readable, unguessable id: the name's slug and 8 random characters, e.g. "payroll-export-k3x9m2qa".</summary>
    private static string NewClientId(string name)
    {
        var slug = new string([.. name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')]);
        slug = string.Join('-', slug.Split('-', StringSplitOptions.RemoveEmptyEntries));
        slug = slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
        var suffix = RandomNumberGenerator.GetString(IdAlphabet, 8);
        return slug.Length == 0 ? "client-" + suffix : slug + "-" + suffix;
    }
}
