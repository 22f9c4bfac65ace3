using Spm.Domain.Events;
using Spm.Domain.Organisation;

namespace Spm.Api.Features.Attainment;

/// <summary>
/// One subject's attainment in one period, as the `Attainment` type shows it. <see cref="Participants"/> and
/// <see cref="Territories"/> say which ledger rows stand behind it; <see cref="Visible"/> limits them to what the
/// caller may see (null: everything).
/// </summary>
public sealed record AttainmentView(
    AttainmentScope Scope,
    Guid SubjectId,
    string SubjectName,
    Period Period,
    decimal Credited,
    decimal? Quota,
    string Currency,
    IReadOnlyList<Guid>? Participants,
    IReadOnlyList<Guid>? Territories,
    IReadOnlySet<Guid>? Visible);
