using Spm.Api.Features.Relay;
using Spm.Api.Features.Sales;
using Spm.Infrastructure.Sales;

namespace Spm.Api.Features.Attainment;

/// <summary>A page of credit ledger rows.</summary>
public sealed class CreditConnectionGraphType() : ConnectionGraphType<CreditGraphType, StoredCredit>("Credit", "credit ledger rows");
