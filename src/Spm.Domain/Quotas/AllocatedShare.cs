namespace Spm.Domain.Quotas;

/// <summary>The rounded amount one child receives.</summary>
public sealed record AllocatedShare(string Id, decimal Amount);
