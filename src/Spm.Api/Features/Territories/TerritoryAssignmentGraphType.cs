using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>A participant's effective-dated assignment to a territory.</summary>
public sealed class TerritoryAssignmentGraphType : ObjectGraphType<TerritoryParticipant>
{
    public const string TypeName = "TerritoryAssignment";

    public TerritoryAssignmentGraphType()
    {
        Name = TypeName;
        Description = "A participant assigned to a territory between two dates, as primary owner or overlay, with a split of the territory's credit.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id (pass it to `unassignTerritoryParticipant`).").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<ParticipantGraphType>>("participant").Description("The participant.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(c.Source.ParticipantId));
        Field<NonNullGraphType<TerritoryRoleGraphType>>("role").Description("Primary or overlay.").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<DecimalStringGraphType>>("splitPercent").Description("Share of the territory's credit, above 0 and at most 100.").Resolve(c => DecimalStringGraphType.Trim(c.Source.SplitPercent));
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveFrom").Description("First day in force.").Resolve(c => c.Source.EffectiveFrom);
        Field<CalendarDateGraphType>("effectiveTo").Description("Last day in force (inclusive); null while open-ended.").Resolve(c => c.Source.EffectiveTo);
    }
}
