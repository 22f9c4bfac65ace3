namespace Spm.Domain.Contests;

/// <summary>Two participants facing each other in a head-to-head contest.</summary>
public sealed record ContestPair(Guid First, Guid Second);
