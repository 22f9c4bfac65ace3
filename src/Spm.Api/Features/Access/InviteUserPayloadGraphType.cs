using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Graph;

namespace Spm.Api.Features.Access;

/// <summary>GraphQL shape of <see cref="InviteUserPayload"/>.</summary>
public sealed class InviteUserPayloadGraphType : ObjectGraphType<InviteUserPayload>
{
    public InviteUserPayloadGraphType()
    {
        Name = "InviteUserPayload";
        Description = "The invited user and the link that lets them set a password. Send the link to the person; it works once and expires.";
        Field<IdGraphType>("userId").Description("Id of the created user; null when refused.").Resolve(c => c.Source.UserId);
        Field<StringGraphType>("email").Description("The user name and email of the invited person.").Resolve(c => c.Source.Email);
        Field<ParticipantGraphType>("participant").Description("The participant the user is linked to.")
            .Resolve(c => c.Source.ParticipantId is { } id ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(id) : null);
        Field<StringGraphType>("invitationUrl").Description("Link to the page where the person sets a password and signs in; shown only here.").Resolve(c => c.Source.InvitationUrl);
        Field<DateTimeGraphType>("expiresAt").Description("After this instant (UTC) the link no longer works; invite again.").Resolve(c => c.Source.ExpiresAt?.UtcDateTime);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the mutation was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}
