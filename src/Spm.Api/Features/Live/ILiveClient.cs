using Spm.Api.Features.Compensation;
using Spm.Domain.Compensation;
using Spm.Domain.Events;
using Spm.Domain.Live;

namespace Spm.Api.Features.Live;

/// <summary>
/// What the server calls on a connected hub client (method names are the wire names). GraphQL subscriptions
/// carry the same payloads, so a client can use either.
/// </summary>
public interface ILiveClient
{
    /// <summary>A subscribed board moved: its top entries, plus the entries whose rank or score changed since the previous push.</summary>
    Task LeaderboardChanged(LeaderboardSnapshot snapshot);

    /// <summary>A subscribed contest's standings moved.</summary>
    Task ContestChanged(ContestSnapshot snapshot);

    /// <summary>A subscribed participant's or team's attainment moved.</summary>
    Task AttainmentChanged(AttainmentChanged change);

    /// <summary>
    /// A deal landed in the tenant. For viewers who may not see other people's deal sizes (reps, partners) the amount is
    /// withheld: <see cref="SaleCelebration.ReportingAmount"/> and <see cref="SaleCelebration.ReportingCurrency"/> are null.
    /// </summary>
    Task SaleCelebrated(SaleCelebration celebration);

    /// <summary>A subscribed contest started.</summary>
    Task ContestStarted(ContestSnapshot snapshot);

    /// <summary>A subscribed contest ended (standings final) or was cancelled.</summary>
    Task ContestEnded(ContestSnapshot snapshot);

    /// <summary>A followed participant's earnings so far in an open month moved (a committed credit, or a recalculation).</summary>
    Task EarningsChanged(EarningsChange change);

    /// <summary>A dispute of a followed participant (or, for finance and admin following all disputes, any) was opened or changed status.</summary>
    Task DisputeChanged(DisputeChanged change);

    /// <summary>A followed calculation run moved: after each chunk of participants, and once when it completed or failed.</summary>
    Task CalculationRunProgress(CalculationRunProgress progress);
}
