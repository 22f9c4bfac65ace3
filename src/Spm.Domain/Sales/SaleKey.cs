namespace Spm.Domain.Sales;

/// <summary>What makes two deliveries the same sale: ingestion is idempotent on this triple.</summary>
public sealed record SaleKey(Guid TenantId, string Source, string ExternalId)
{
    public override string ToString() => $"{Source}/{ExternalId}";
}
