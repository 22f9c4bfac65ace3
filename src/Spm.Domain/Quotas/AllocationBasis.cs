namespace Spm.Domain.Quotas;

/// <summary>Whether children share by their weights or equally regardless of weight.</summary>
public enum AllocationBasis
{
    Weighted,
    Equal,
}
