using Spm.Api.Features.Relay;
using Spm.Domain.Quotas;

namespace Spm.Api.Features.Quotas;

/// <summary>A page of quotas.</summary>
public sealed class QuotaConnectionGraphType() : ConnectionGraphType<QuotaGraphType, Quota>("Quota", "quotas");
