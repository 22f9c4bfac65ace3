using Spm.Api.Graph;
using Spm.Domain.Planning;

namespace Spm.Api.Features.Plans;

/// <summary>Result of creating or updating a plan.</summary>
public sealed record SalesPlanPayload(SalesPlan? SalesPlan, IReadOnlyList<UserError> Errors);
