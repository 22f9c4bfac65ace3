using Spm.Api.Graph;
using Spm.Domain.Access;

namespace Spm.Api.Features.Access;

/// <summary>Result of `unpairDisplay`.</summary>
public sealed record UnpairDisplayPayload(Display? Display, IReadOnlyList<UserError> Errors);
