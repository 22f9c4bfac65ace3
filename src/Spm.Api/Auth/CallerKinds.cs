namespace Spm.Api.Auth;

/// <summary>Values of the <see cref="SpmClaims.Kind"/> claim.</summary>
public static class CallerKinds
{
    /// <summary>A person signed in with the authorization code flow.</summary>
    public const string Person = "person";

    /// <summary>A partner system or integration (client credentials).</summary>
    public const string Client = "client";

    /// <summary>A paired office TV screen (device flow).</summary>
    public const string Display = "display";
}
