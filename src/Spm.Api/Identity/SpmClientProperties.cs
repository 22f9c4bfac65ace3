namespace Spm.Api.Identity;

/// <summary>
/// Keys of the OpenIddict application properties that bind a client to one tenant and one role.
/// The token endpoint copies them into every token it issues to the client.
/// </summary>
public static class SpmClientProperties
{
    public const string Tenant = "spm_tenant";
    public const string Role = "spm_role";
}
