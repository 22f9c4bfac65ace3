using Spm.Api.Graph;
using Spm.Domain.Crediting;

namespace Spm.Api.Features.Sales;

/// <summary>Result of `setCreditingRules`.</summary>
public sealed record SetCreditingRulesPayload(IReadOnlyList<CreditRule> Rules, IReadOnlyList<UserError> Errors);
