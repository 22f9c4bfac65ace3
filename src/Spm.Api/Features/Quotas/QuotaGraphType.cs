using GraphQL.Types;
using Spm.Api.Features.Approvals;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Plans;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Domain.Quotas;

namespace Spm.Api.Features.Quotas;

/// <summary>A quota.</summary>
public sealed class QuotaGraphType : ObjectGraphType<Quota>
{
    public const string TypeName = "Quota";

    /// <summary>Type name of territory global ids (the territories feature owns the object).</summary>
    public const string TerritoryTypeName = "Territory";

    public QuotaGraphType()
    {
        Name = TypeName;
        Description = "The target of one participant, team or territory in one fiscal period, by type.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Quota;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<QuotaSubjectKindGraphType>>("subjectKind").Description("Participant, team or territory.").Resolve(c => c.Source.SubjectKind);
        Field<ParticipantGraphType>("participant").Description("The participant carrying the quota, for a participant quota.")
            .Resolve(c => c.Source.ParticipantId is { } id ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(id) : null);
        Field<TeamGraphType>("team").Description("The team carrying the quota, for a team quota.")
            .Resolve(c => c.Source.TeamId is { } id ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().TeamById.LoadAsync(id) : null);
        Field<IdGraphType>("territoryId").Description("Global id of the territory carrying the quota, for a territory quota.")
            .Resolve(c => c.Source.TerritoryId is { } id ? GlobalId.Encode(TerritoryTypeName, id) : null);
        Field<NonNullGraphType<PeriodGraphType>>("period").Description("The fiscal year, quarter or month.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().PeriodById.LoadAsync(c.Source.PeriodId));
        Field<NonNullGraphType<QuotaTypeGraphType>>("type").Description("What the quota counts.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<DecimalStringGraphType>>("amount").Description("The target: money in `currency` for revenue, a whole number for counts.")
            .Resolve(c => decimal.Round(c.Source.Amount, c.Source.Type == QuotaType.Revenue ? CurrencyDigits(c.Source.Currency!) : 0));
        Field<StringGraphType>("currency").Description("ISO 4217 currency of a revenue quota; null for counts.").Resolve(c => c.Source.Currency);
        Field<NonNullGraphType<BooleanGraphType>>("isOverlay").Description("An overlay specialist's quota: also credited to the owner, so it is outside every roll-up.").Resolve(c => c.Source.IsOverlay);
        Field<DecimalStringGraphType>("rampPercentage").Description("The ramp applied to a new hire's month (0.5 = 50 %); null when fully ramped and for quarters and years.").Resolve(c => c.Source.RampPercentage is { } r ? DecimalStringGraphType.Trim(r) : (decimal?)null);
        Field<NonNullGraphType<QuotaStatusGraphType>>("status").Description("Review state.").Resolve(c => c.Source.Status);
        Field<SalesPlanGraphType>("plan").Description("The sales plan it was allocated from.")
            .Resolve(c => c.Source.PlanId is { } id ? c.RequestServices!.GetRequiredService<PlanDataLoaders>().SalesPlanById.LoadAsync(id) : null);
        Field<ApprovalRequestGraphType>("approvalRequest").Description("The approval request covering the quota, while one does.")
            .Resolve(c => c.Source.ApprovalRequestId is { } id ? c.RequestServices!.GetRequiredService<ApprovalDataLoaders>().ApprovalById.LoadAsync(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuotaChangeGraphType>>>>("history").Description("Every change, oldest first.")
            .Resolve(c => c.RequestServices!.GetRequiredService<QuotaDataLoaders>().HistoryByQuota.LoadAsync(c.Source.Id));
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Description("When the quota last changed (UTC).").Resolve(c => c.Source.UpdatedAt.UtcDateTime);
    }

    private static int CurrencyDigits(string currency) => Spm.Domain.Common.CurrencyCode.MinorUnits(currency);
}
