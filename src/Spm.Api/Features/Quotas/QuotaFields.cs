using GraphQL;
using GraphQL.Types;
using Spm.Api.Features.Relay;
using Spm.Domain.Organisation;
using Spm.Domain.Quotas;

namespace Spm.Api.Features.Quotas;

/// <summary>The `quotas(periodId:)` field the organisation's Participant and Team types carry.</summary>
public static class QuotaFields
{
    public static void AddTo<TSource>(ObjectGraphType<TSource> type, Func<TSource, Guid> subjectId, string subject)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(subjectId);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuotaGraphType>>>>("quotas")
            .Description($"The {subject}'s quotas in one period (overlay quotas included), by type; batch-loaded.")
            .Argument<NonNullGraphType<IdGraphType>>("periodId", "Global id of the fiscal year, quarter or month.")
            .Argument<QuotaTypeGraphType>("type", "Only quotas of this type.")
            .Resolve(c =>
            {
                if (GlobalId.TryDecode(c.GetArgument<string>("periodId"), "Period") is not { } periodId)
                {
                    return Array.Empty<Quota>();
                }

                var quotaType = c.GetArgument<QuotaType?>("type");
                var loaded = c.RequestServices!.GetRequiredService<QuotaDataLoaders>().BySubjectAndPeriod.LoadAsync(new QuotaKey(subjectId(c.Source!), periodId));
                return new MappedResult<IEnumerable<Quota>, IEnumerable<Quota>>(loaded, list => quotaType is { } t ? list.Where(q => q.Type == t).ToArray() : list);
            });
    }

    /// <summary>Participant.quotas.</summary>
    public static void AddTo(ObjectGraphType<Participant> type) => AddTo(type, p => p.Id, "participant");

    /// <summary>Team.quotas.</summary>
    public static void AddTo(ObjectGraphType<Team> type) => AddTo(type, t => t.Id, "team");
}
