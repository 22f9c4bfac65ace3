namespace Spm.Api.Identity;

/// <summary>OAuth scopes Spm grants; a client may ask only for those it was registered with.</summary>
public static class SpmScopes
{
    public const string Read = "spm.read";
    public const string Write = "spm.write";
    public const string Comp = "spm.comp";
    public const string Admin = "spm.admin";
    public const string LeaderboardsRead = "leaderboards.read";

    public static readonly IReadOnlyList<string> All = [Read, Write, Comp, Admin, LeaderboardsRead];
}
