using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Quotas;
using Spm.Api.Features.Relay;
using Spm.Api.Features.Sales;
using Spm.Api.Graph;
using Spm.Domain.Crediting;
using Spm.Domain.Events;
using Spm.Domain.Quotas;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Sales;

namespace Spm.Api.Features.Attainment;

/// <summary>Credited amount against quota for one participant, team or territory in one period.</summary>
public sealed class AttainmentGraphType : ObjectGraphType<AttainmentView>
{
    private static readonly string[] TeamTypes = ["Direct", "Split", "Territory"];
    private static readonly string[] TerritoryTypes = ["Territory"];

    public AttainmentGraphType()
    {
        Name = "Attainment";
        Description = "Credited amount against the approved revenue quota of one participant, team or territory in one fiscal period (month, quarter or year), current as of the last committed sale. Credits count on their posting date; adjustments count under the type they adjust.";
        Field<NonNullGraphType<AttainmentScopeGraphType>>("scope").Description("Whether this is a participant's, a team's or a territory's attainment.").Resolve(c => c.Source.Scope);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Description("Global id of the participant, team or territory.")
            .Resolve(c => GlobalId.Encode(c.Source.Scope switch { AttainmentScope.Participant => ParticipantGraphType.TypeName, AttainmentScope.Team => TeamGraphType.TypeName, _ => "Territory" }, c.Source.SubjectId));
        Field<NonNullGraphType<StringGraphType>>("subjectName").Description("Name of the participant, team or territory.").Resolve(c => c.Source.SubjectName);
        Field<NonNullGraphType<PeriodGraphType>>("period").Description("The fiscal period.").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<QuotaTypeGraphType>>("quotaType").Description("What is measured; revenue (credited amounts in the reporting currency) for now.").Resolve(_ => QuotaType.Revenue);
        Field<NonNullGraphType<MoneyGraphType>>("credited").Description("Net credited amount in the tenant's reporting currency (credits, reversals and adjustments posted in the period).")
            .Resolve(c => new MoneyValue(c.Source.Credited, c.Source.Currency));
        Field<MoneyGraphType>("quota").Description("The approved revenue quota of the subject for the period; null when none is approved.")
            .Resolve(c => c.Source.Quota is { } q ? new MoneyValue(q, c.Source.Currency) : null);
        Field<DecimalStringGraphType>("attainmentPercent").Description("credited / quota x 100, rounded half away from zero to two decimals; null without a quota (or with a zero quota).")
            .Resolve(c => AttainmentMath.Percent(c.Source.Credited, c.Source.Quota));
        Field<NonNullGraphType<CreditConnectionGraphType>>("credits")
            .Description("The ledger rows behind `credited`, newest first. Reps and managers see only the rows of participants they may see, so for them the rows of a team or territory may sum to less than `credited`.")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"Page size, 1 to {CreditConnectionGraphType.MaxPageSize}.")
            .Argument<StringGraphType>("after", "Return items after this cursor (`pageInfo.endCursor` of the previous page).")
            .ResolveAsync(async c => await CreditsAsync(c));
    }

    private static async Task<Connection<StoredCredit>> CreditsAsync(IResolveFieldContext<AttainmentView> context)
    {
        var first = PageArguments.First(context, CreditConnectionGraphType.MaxPageSize);

        var afterId = PageArguments.AfterId(context);

        var view = context.Source;
        var from = view.Period.StartDate;
        var to = view.Period.EndDate;
        await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var query = db.Credits.AsNoTracking().Where(c => c.PostingDate >= from && c.PostingDate <= to);
        switch (view.Scope)
        {
            case AttainmentScope.Participant:
                query = query.Where(c => c.ParticipantId == view.SubjectId);
                break;
            case AttainmentScope.Team:
                var members = view.Participants!.ToArray();
                query = query.Where(c => members.Contains(c.ParticipantId) && TeamTypes.Contains(c.AdjustedType));
                break;
            default:
                var territories = view.Territories!.Select(t => (Guid?)t).ToArray();
                query = query.Where(c => c.TerritoryId != null && territories.Contains(c.TerritoryId) && TerritoryTypes.Contains(c.AdjustedType));
                break;
        }

        if (view.Visible is { } visible)
        {
            var ids = visible.ToArray();
            query = query.Where(c => ids.Contains(c.ParticipantId));
        }

        var wantsTotal = context.SubFields?.Values.Any(f => f.FieldType.Name == "totalCount") == true;
        var total = wantsTotal ? await query.CountAsync(context.CancellationToken) : 0;
        if (afterId is { } afterRow)
        {
            // Ledger ids are version 7 (time-ordered): newest first is descending id, a stable keyset.
            query = query.Where(c => c.Id.CompareTo(afterRow) < 0);
        }

        var rows = await query.OrderByDescending(c => c.Id).Take(first + 1).ToListAsync(context.CancellationToken);
        var page = rows.Take(first).Select(c => new Edge<StoredCredit>(Cursor.Encode(string.Empty, c.Id), c)).ToList();
        return new Connection<StoredCredit>(page, new PageInfo(rows.Count > first, afterId is not null, page.FirstOrDefault()?.Cursor, page.LastOrDefault()?.Cursor), total);
    }
}
