using Spm.Domain.Organisation;
using Spm.Domain.Planning;

namespace Spm.Api.Features.Plans;

/// <summary>One month of a capacity run with its fiscal period.</summary>
public sealed record CapacityMonth(CapacityPeriod Model, Period? Period);
