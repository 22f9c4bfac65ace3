namespace Spm.Domain.Quotas;

/// <summary>New quotas to add and the history rows of every quota that changed.</summary>
public sealed record QuotaLedgerResult(IReadOnlyList<Quota> Created, IReadOnlyList<QuotaChange> Changes);
