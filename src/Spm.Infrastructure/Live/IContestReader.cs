using Spm.Domain.Live;

namespace Spm.Infrastructure.Live;

/// <summary>Reads a contest's standings (live from Redis while running, frozen from PostgreSQL once ended).</summary>
public interface IContestReader
{
    /// <summary>The contest with its top <paramref name="top"/> standings; null when the tenant has no such contest.</summary>
    Task<ContestSnapshot?> ContestAsync(Guid tenantId, string contestKey, int top, CancellationToken cancellationToken);
}
