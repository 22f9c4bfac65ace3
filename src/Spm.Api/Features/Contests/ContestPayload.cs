using Spm.Api.Graph;
using Spm.Domain.Contests;

namespace Spm.Api.Features.Contests;

/// <summary>Result of a contest mutation: the contest as it now is, or why nothing changed.</summary>
public sealed record ContestPayload(Contest? Contest, IReadOnlyList<UserError> Errors);
