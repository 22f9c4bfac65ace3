using GraphQL.Types;

namespace Spm.Api.Features.Access;

/// <summary>GraphQL shapes of <see cref="ClientIdInput"/>.</summary>
public abstract class ClientIdInputGraphType : InputObjectGraphType<ClientIdInput>
{
    protected ClientIdInputGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id of the client (`Client.id`).");
    }
}
