using Spm.Api.Features.Relay;
using Spm.Infrastructure.Pipeline;

namespace Spm.Api.Features.Pipeline;

/// <summary>A page of opportunities.</summary>
public sealed class OpportunityConnectionGraphType() : ConnectionGraphType<OpportunityGraphType, Opportunity>("Opportunity", "opportunities");
