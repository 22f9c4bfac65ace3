namespace Spm.Api.Identity;

/// <summary>
/// Keys of the OpenIddict application properties that bind a client to one tenant and one role.
/// The token endpoint copies them into every token it issues to the client.
/// </summary>
public static class SpmClientProperties
{
    public const string Tenant = "spm_tenant";
    public const string Role = "spm_role";

    /// <summary>"true": the client may only run persisted documents (partners, screens); absent or anything else: any document.</summary>
    public const string PersistedOnly = "spm_persisted_only";

    /// <summary>When an admin created the client through the API (ISO 8601).</summary>
    public const string CreatedAt = "spm_created_at";

    /// <summary>When an admin revoked the client (ISO 8601); a revoked client gets no tokens.</summary>
    public const string RevokedAt = "spm_revoked_at";
}
