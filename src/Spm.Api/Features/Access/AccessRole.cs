using Spm.Api.Auth;

namespace Spm.Api.Features.Access;

/// <summary>The access roles of <see cref="SpmRoles"/> as a GraphQL enum.</summary>
public enum AccessRole
{
    Admin,
    Finance,
    Manager,
    Rep,
    Partner,
    Display,
}

/// <summary>Conversions between <see cref="AccessRole"/> and the role claim's text.</summary>
public static class AccessRoles
{
    public static string ToClaim(this AccessRole role) => role switch
    {
        AccessRole.Admin => SpmRoles.Admin,
        AccessRole.Finance => SpmRoles.Finance,
        AccessRole.Manager => SpmRoles.Manager,
        AccessRole.Rep => SpmRoles.Rep,
        AccessRole.Partner => SpmRoles.Partner,
        AccessRole.Display => SpmRoles.Display,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static AccessRole? FromClaim(string? role) => role switch
    {
        SpmRoles.Admin => AccessRole.Admin,
        SpmRoles.Finance => AccessRole.Finance,
        SpmRoles.Manager => AccessRole.Manager,
        SpmRoles.Rep => AccessRole.Rep,
        SpmRoles.Partner => AccessRole.Partner,
        SpmRoles.Display => AccessRole.Display,
        _ => null,
    };
}
