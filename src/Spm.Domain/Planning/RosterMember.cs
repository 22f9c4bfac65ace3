namespace Spm.Domain.Planning;

/// <summary>A seller on the roster as of plan start; the hire date drives where they are on the ramp.</summary>
public sealed record RosterMember(string Id, DateOnly HireDate);
