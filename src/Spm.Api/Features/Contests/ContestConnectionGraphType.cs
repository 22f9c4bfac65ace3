using Spm.Api.Features.Relay;
using Spm.Domain.Contests;

namespace Spm.Api.Features.Contests;

/// <summary>A page of contests.</summary>
public sealed class ContestConnectionGraphType() : ConnectionGraphType<ContestGraphType, Contest>("Contest", "contests");
