namespace Spm.Infrastructure.Live;

/// <summary>
/// How far the dispatcher has applied one tenant's outbox: every row with an id up to <see cref="LastId"/> was handed
/// to the projections and the notifier. Updated in the transaction that holds the tenant's dispatcher lock, so only
/// one node moves it at a time. Not tenant-filtered: the dispatcher works across tenants.
/// </summary>
public sealed class OutboxCursor
{
    public Guid TenantId { get; set; }

    public long LastId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
