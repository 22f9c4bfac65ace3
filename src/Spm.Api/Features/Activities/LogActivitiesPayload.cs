using Spm.Api.Graph;

namespace Spm.Api.Features.Activities;

/// <summary>Result of `logActivities`: how many were new and how many were already known.</summary>
public sealed record LogActivitiesPayload(int Logged, int Duplicates, IReadOnlyList<UserError> Errors);
