using Spm.Infrastructure.Compensation;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// A calculation run's progress as the hub pushes it (<c>CalculationRunProgress</c>): after each chunk of participants
/// the worker computed, and once more when the run completed or failed.
/// </summary>
/// <param name="Error">Why a FAILED run stopped; null otherwise.</param>
public sealed record CalculationRunProgress(Guid TenantId, Guid RunId, CalculationRunStatus Status, int ParticipantsDone, int ParticipantsTotal, string? Error);
