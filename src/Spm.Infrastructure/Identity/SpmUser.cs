using Microsoft.AspNetCore.Identity;

namespace Spm.Infrastructure.Identity;

/// <summary>
/// A person who signs in. Bound to exactly one tenant and (usually) one participant; the token
/// issued after sign-in carries both, and the role. Not tenant-filtered: sign-in happens before
/// any tenant is known, and user names are unique across tenants.
/// </summary>
public sealed class SpmUser : IdentityUser<Guid>
{
    public Guid TenantId { get; set; }

    public Guid? ParticipantId { get; set; }

    /// <summary>admin, finance, manager, rep (see DESIGN.md, Tenancy and access).</summary>
    public string Role { get; set; } = string.Empty;
}
