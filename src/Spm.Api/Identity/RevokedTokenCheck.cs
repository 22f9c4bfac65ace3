using OpenIddict.Abstractions;
using OpenIddict.Validation;
using Spm.Api.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace Spm.Api.Identity;

/// <summary>
/// Refuses access tokens of clients and screens whose token entry is no longer valid (a
/// revoked client, an unpaired display). It costs one primary-key lookup, and only for those
/// two kinds of callers: people's tokens skip it (their access is re-checked at every refresh,
/// and their access tokens are short-lived). OpenIddict's own token entry validation would
/// charge that lookup to every request.
/// </summary>
internal sealed class RevokedTokenCheck(IOpenIddictTokenManager tokens) : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseScopedHandler<RevokedTokenCheck>()
            // After signature, lifetime and audience checks: only genuine tokens cost a lookup.
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateTokenEntry.Descriptor.Order + 500)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsRejected || context.Principal is not { } principal
            || principal.GetClaim(SpmClaims.Kind) is not (CallerKinds.Client or CallerKinds.Display))
        {
            return;
        }

        var tokenId = principal.GetTokenId();
        var token = string.IsNullOrEmpty(tokenId) ? null : await tokens.FindByIdAsync(tokenId, context.CancellationToken);
        if (token is null || !await tokens.HasStatusAsync(token, Statuses.Valid, context.CancellationToken))
        {
            context.Reject(Errors.InvalidToken, "The token was revoked (client revoked or screen unpaired).");
        }
    }
}
