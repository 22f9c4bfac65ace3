using System.Globalization;
using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Api.Identity;
using Spm.Domain.Common;
using Spm.Infrastructure.Identity;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Access;

/// <summary>
/// Invites a person: creates their user (no password yet) linked to a participant and returns a
/// single-use link, signed by Identity's token provider, to set a password. The link dies when
/// it expires or once a password is set (the security stamp changes).
/// </summary>
public sealed class Invitations(
    SpmDbContext db,
    UserManager<SpmUser> users,
    IOptions<DataProtectionTokenProviderOptions> tokenOptions,
    AuditTrail audit,
    Caller caller,
    TimeProvider clock)
{
    public async Task<InviteUserPayload> InviteAsync(InviteUserInput input, string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tenant = caller.RequireTenant();
        try
        {
            var role = input.Role is AccessRole.Admin or AccessRole.Finance or AccessRole.Manager or AccessRole.Rep
                ? input.Role.ToClaim()
                : throw new DomainException("INVALID_ROLE", "People are ADMIN, FINANCE, MANAGER or REP; PARTNER and DISPLAY are for clients and screens.", "input.role");
            var email = CheckEmail(input.Email);
            // The tenant filter makes another tenant's participant look missing.
            var participantId = GlobalId.TryDecode(input.ParticipantId, ParticipantGraphType.TypeName) is { } pid
                && await db.Participants.AnyAsync(p => p.Id == pid, cancellationToken) ? pid : (Guid?)null;
            if (participantId is null)
            {
                throw new DomainException("NOT_FOUND", "No participant has this id.", "input.participantId");
            }

            if (await users.Users.AnyAsync(u => u.ParticipantId == participantId, cancellationToken))
            {
                throw new DomainException("CONFLICT", "This participant already has a user.", "input.participantId");
            }

            // User names are unique across tenants (sign-in happens before any tenant is known).
            if (await users.FindByNameAsync(email) is not null)
            {
                throw new DomainException("CONFLICT", "A user with this email already exists.", "input.email");
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var user = new SpmUser
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                UserName = email,
                Email = email,
                TenantId = tenant,
                ParticipantId = participantId,
                Role = role,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new DomainException("INVALID", string.Join(" ", created.Errors.Select(e => e.Description)), "input.email");
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            var url = $"{baseUrl}{InviteEndpoints.Path}?user={user.Id:D}&token={Uri.EscapeDataString(token)}";
            var expiresAt = clock.GetUtcNow() + tokenOptions.Value.TokenLifespan;
            audit.Record(db, "user.invited", "User", user.Id.ToString("D", CultureInfo.InvariantCulture), null, new { user.UserName, user.Role, user.ParticipantId, ExpiresAt = expiresAt });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new InviteUserPayload(user.Id, email, participantId, url, expiresAt, []);
        }
        catch (DomainException error)
        {
            return InviteUserPayload.Failed(UserError.From(error));
        }
    }

    private static string CheckEmail(string? email)
    {
        var trimmed = Guard.NotBlank(email, "input.email", 254).ToLowerInvariant();
        return MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && trimmed.Contains('.', StringComparison.Ordinal)
            ? trimmed
            : throw new DomainException("INVALID", "This is not an email address.", "input.email");
    }
}
