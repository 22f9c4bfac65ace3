using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Api.Identity;
using Spm.Domain.Access;
using Spm.Domain.Common;
using Spm.Infrastructure.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Spm.Api.Features.Access;

/// <summary>
/// Pairs a TV screen (the device flow's approval step) and unpairs it. Each screen gets a
/// permanent OpenIddict authorization; every token it ever receives derives from it, so
/// revoking that authorization and its tokens ends the screen's access at once.
/// </summary>
public sealed class DisplayPairing(
    SpmDbContext db,
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    AuditTrail audit,
    Caller caller,
    TimeProvider clock)
{
    /// <summary>The scopes a screen's tokens carry, whatever the device asked for.</summary>
    public static readonly ImmutableArray<string> Scopes = [SpmScopes.LeaderboardsRead, OpenIddictConstants.Scopes.OfflineAccess];

    /// <summary>
    /// Records the display and its authorization and returns the principal its tokens will carry.
    /// Throws <see cref="DomainException"/> (field "name" or "allowedBoards") for bad input; nothing is written then.
    /// </summary>
    public async Task<ClaimsPrincipal> PairAsync(string clientId, string name, IEnumerable<string> allowedBoards, CancellationToken cancellationToken)
    {
        var tenant = caller.RequireTenant();
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var trimmedName = Guard.NotBlank(name, "name", 100);
        var boards = Display.NormaliseBoards(allowedBoards);
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw new InvalidOperationException($"The device client '{clientId}' is not registered.");

        var identity = DisplayPrincipal.Create(id, tenant, trimmedName);
        var principal = new ClaimsPrincipal(identity);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var authorization = await authorizations.CreateAsync(
            principal,
            id.ToString("D", CultureInfo.InvariantCulture),
            await applications.GetIdAsync(application, cancellationToken) ?? throw new InvalidOperationException("The device client has no id."),
            AuthorizationTypes.Permanent,
            Scopes,
            cancellationToken);
        var authorizationId = await authorizations.GetIdAsync(authorization, cancellationToken) ?? throw new InvalidOperationException("The authorization has no id.");
        identity.SetAuthorizationId(authorizationId);

        var display = new Display(id, tenant, trimmedName, boards, caller.Subject, clock.GetUtcNow(), authorizationId);
        db.Displays.Add(display);
        audit.Record(db, "display.paired", DisplayGraphType.TypeName, GlobalId.Encode(DisplayGraphType.TypeName, id), null, Snapshot(display));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return principal;
    }

    public async Task<UnpairDisplayPayload> UnpairAsync(UnpairDisplayInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The tenant filter makes another tenant's screen look missing.
            var display = GlobalId.TryDecode(input.Id, DisplayGraphType.TypeName) is { } id
                ? await db.Displays.SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
                : null;
            if (display is null)
            {
                throw new DomainException("NOT_FOUND", "No display has this id.", "input.id");
            }

            var before = Snapshot(display);
            display.Unpair(clock.GetUtcNow());
            if (await authorizations.FindByIdAsync(display.AuthorizationId, cancellationToken) is { } authorization)
            {
                await authorizations.TryRevokeAsync(authorization, cancellationToken);
            }

            // Refresh tokens die with their authorization; access tokens are refused because the
            // validation checks the token entry of every display token (see RevokedTokenCheck).
            await tokens.RevokeByAuthorizationIdAsync(display.AuthorizationId, cancellationToken);
            audit.Record(db, "display.unpaired", DisplayGraphType.TypeName, input.Id, before, Snapshot(display));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new UnpairDisplayPayload(display, []);
        }
        catch (DomainException error)
        {
            return new UnpairDisplayPayload(null, [UserError.From(error)]);
        }
    }

    private static object Snapshot(Display display) => new
    {
        display.Name,
        display.AllowedBoards,
        display.PairedBy,
        display.PairedAt,
        display.UnpairedAt,
    };
}
