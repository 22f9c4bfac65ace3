using GraphQL.Types;

namespace Spm.Api.Features.Access;

/// <summary>GraphQL shape of <see cref="InviteUserInput"/>.</summary>
public sealed class InviteUserInputGraphType : InputObjectGraphType<InviteUserInput>
{
    public InviteUserInputGraphType()
    {
        Name = "InviteUserInput";
        Description = "A person to invite: they set their own password through the invitation link.";
        Field<NonNullGraphType<IdGraphType>>("participantId").Description("Global id of the participant the person is.");
        Field<NonNullGraphType<StringGraphType>>("email").Description("Email address; it becomes the user name (unique across Spm).");
        Field<NonNullGraphType<AccessRoleGraphType>>("role").Description("ADMIN, FINANCE, MANAGER or REP; PARTNER and DISPLAY are not for people.");
    }
}
