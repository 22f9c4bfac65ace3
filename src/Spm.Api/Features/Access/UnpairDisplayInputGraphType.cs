using GraphQL.Types;

namespace Spm.Api.Features.Access;

/// <summary>GraphQL shape of <see cref="UnpairDisplayInput"/>.</summary>
public sealed class UnpairDisplayInputGraphType : InputObjectGraphType<UnpairDisplayInput>
{
    public UnpairDisplayInputGraphType()
    {
        Name = "UnpairDisplayInput";
        Description = "The screen to unpair.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id of the display (`Display.id`).");
    }
}
