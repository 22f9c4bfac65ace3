using Spm.Api.Graph;
using Spm.Domain.Currency;

namespace Spm.Api.Features.Sales;

/// <summary>Result of `setFxRates`.</summary>
public sealed record SetFxRatesPayload(IReadOnlyList<FxRate> Rates, IReadOnlyList<UserError> Errors);
