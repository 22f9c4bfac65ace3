using GraphQL;
using Spm.GraphQL.AspNetCore.Budgets;

namespace Spm.GraphQL.AspNetCore.Execution;

/// <summary>An execution result with the caller's budget state, for the rate-limit headers.</summary>
internal sealed record PipelineOutcome(ExecutionResult Result, CostDecision? Budget, double RequestedCost);
