using Spm.Api.Graph;

namespace Spm.Api.Features.Pipeline;

/// <summary>Result of `upsertOpportunities`.</summary>
public sealed record UpsertOpportunitiesPayload(int Created, int Updated, int StageChanges, IReadOnlyList<UserError> Errors);
