namespace Spm.Api.Auth;

/// <summary>The access roles a token can carry (claim <see cref="SpmClaims.Role"/>).</summary>
public static class SpmRoles
{
    public const string Admin = "admin";
    public const string Finance = "finance";
    public const string Manager = "manager";
    public const string Rep = "rep";
    public const string Partner = "partner";
    public const string Display = "display";

    public static readonly IReadOnlyList<string> All = [Admin, Finance, Manager, Rep, Partner, Display];
}
