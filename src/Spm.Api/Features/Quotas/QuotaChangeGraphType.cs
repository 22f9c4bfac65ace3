using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Graph;
using Spm.Domain.Quotas;

namespace Spm.Api.Features.Quotas;

/// <summary>GraphQL shape of <see cref="QuotaChange"/>.</summary>
public sealed class QuotaChangeGraphType : ObjectGraphType<QuotaChange>
{
    public QuotaChangeGraphType()
    {
        Name = "QuotaChange";
        Description = "One row of a quota's history: what it was, what it became, who changed it, when and why.";
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When (UTC).").Resolve(c => c.Source.At.UtcDateTime);
        Field<NonNullGraphType<StringGraphType>>("actor").Description("The token subject that made the change (a user or client id; \"system\" for seeding).").Resolve(c => c.Source.Actor);
        Field<ParticipantGraphType>("actorParticipant").Description("The participant who made the change, when the caller was one.")
            .Resolve(c => c.Source.ActorParticipantId is { } id ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(id) : null);
        Field<NonNullGraphType<QuotaChangeActionGraphType>>("action").Description("What happened.").Resolve(c => c.Source.Action);
        Field<DecimalStringGraphType>("oldAmount").Description("Amount before; null when the quota was created.").Resolve(c => c.Source.OldAmount is { } a ? DecimalStringGraphType.Trim(a) : (decimal?)null);
        Field<NonNullGraphType<DecimalStringGraphType>>("newAmount").Description("Amount after.").Resolve(c => DecimalStringGraphType.Trim(c.Source.NewAmount));
        Field<QuotaStatusGraphType>("oldStatus").Description("Status before; null when the quota was created.").Resolve(c => c.Source.OldStatus);
        Field<NonNullGraphType<QuotaStatusGraphType>>("newStatus").Description("Status after.").Resolve(c => c.Source.NewStatus);
        Field<StringGraphType>("reason").Description("Why, as given by the actor.").Resolve(c => c.Source.Reason);
    }
}
