using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>A participant owning an account through an assignment.</summary>
public sealed class TerritoryOwnerGraphType : ObjectGraphType<(TerritoryOwner Owner, DateOnly Date)>
{
    public TerritoryOwnerGraphType()
    {
        Name = "TerritoryOwner";
        Description = "A participant who owns an account on a date through an assignment on a territory of its path.";
        Field<NonNullGraphType<ParticipantGraphType>>("participant").Description("The participant.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(c.Source.Owner.ParticipantId));
        Field<NonNullGraphType<TerritoryGraphType>>("territory").Description("The territory the assignment is on (the account's territory or one above it).")
            .ResolveAsync(async c => new TerritoryView((await TerritoryReads.SnapshotAsync(c, c.Source.Date)).ById[c.Source.Owner.TerritoryId], c.Source.Date));
        Field<NonNullGraphType<TerritoryRoleGraphType>>("role").Description("Primary or overlay.").Resolve(c => c.Source.Owner.Role);
        Field<NonNullGraphType<DecimalStringGraphType>>("splitPercent").Description("Share of the credit, above 0 and at most 100.").Resolve(c => DecimalStringGraphType.Trim(c.Source.Owner.SplitPercent));
    }
}
