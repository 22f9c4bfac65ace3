namespace Spm.Api.Auth;

/// <summary>Claim types Spm puts in its tokens.</summary>
public static class SpmClaims
{
    /// <summary>The tenant the token acts for; the only source of the tenant.</summary>
    public const string Tenant = "spm_tenant";

    /// <summary>The participant a person's token belongs to.</summary>
    public const string Participant = "spm_participant";

    /// <summary>Access role: admin, finance, manager, rep, partner, display.</summary>
    public const string Role = "role";

    /// <summary>What signed in: <see cref="CallerKinds.Person"/>, <see cref="CallerKinds.Client"/> or <see cref="CallerKinds.Display"/>.</summary>
    public const string Kind = "spm_kind";

    /// <summary>The paired display a screen's token belongs to.</summary>
    public const string Display = "spm_display";

    /// <summary>"true" when the token's client may only run persisted documents (copied from the client's registration).</summary>
    public const string PersistedOnly = "spm_persisted_only";
}
