namespace Spm.Infrastructure.PersistedDocuments;

/// <summary>Bounds of the persisted-document cache.</summary>
public sealed record PersistedDocumentCacheOptions
{
    /// <summary>Most (tenant, document) answers kept; the least recently used go first.</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>How long a found document is kept.</summary>
    public TimeSpan HitLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long "not found" is kept: short, so a registration on another node shows up soon.</summary>
    public TimeSpan MissLifetime { get; init; } = TimeSpan.FromSeconds(5);
}
