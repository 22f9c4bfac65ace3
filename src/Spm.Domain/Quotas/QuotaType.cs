namespace Spm.Domain.Quotas;

/// <summary>What a quota counts; amounts are money only for <see cref="Revenue"/>.</summary>
public enum QuotaType
{
    Revenue,
    DealCount,
    ActivityCount,
}
