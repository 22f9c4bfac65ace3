using GraphQL.Types;
using Spm.Api.Features.Quotas;
using Spm.Api.Features.Relay;
using Spm.Domain.Organisation;

namespace Spm.Api.Features.Organisation;

/// <summary>A node of the team hierarchy.</summary>
public sealed class TeamGraphType : ObjectGraphType<Team>
{
    public const string TypeName = "Team";

    public TeamGraphType()
    {
        Name = TypeName;
        Description = "A team in the sales organisation's hierarchy (any depth), with an optional manager.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Team;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Description("Team name.").Resolve(c => c.Source.Name);
        Field<TeamGraphType>("parent").Description("The team above this one; null for a top-level team.")
            .Resolve(c => c.Source.ParentTeamId is { } id ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().TeamById.LoadAsync(id) : null);
        Field<ParticipantGraphType>("manager").Description("The participant who manages the team.")
            .Resolve(c => c.Source.ManagerId is { } id ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TeamGraphType>>>>("children").Description("Teams directly below this one, by name.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ChildTeamsByParent.LoadAsync(c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ParticipantGraphType>>>>("members").Description("Participants who belong to this team directly, by name.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().MembersByTeam.LoadAsync(c.Source.Id));
        QuotaFields.AddTo(this);
    }
}
