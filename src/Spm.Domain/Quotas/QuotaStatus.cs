namespace Spm.Domain.Quotas;

/// <summary>Review state of a quota; any change to an amount brings it back to <see cref="Draft"/>.</summary>
public enum QuotaStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
}
