using GraphQL.Types;
using Spm.Api.Features.Relay;
using Spm.Domain.Access;

namespace Spm.Api.Features.Access;

/// <summary>A paired office screen.</summary>
public sealed class DisplayGraphType : ObjectGraphType<Display>
{
    public const string TypeName = "Display";

    public DisplayGraphType()
    {
        Name = TypeName;
        Description = "An office TV screen paired through the device flow. It signs in by itself and may show only its allowed boards.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Display;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Description("The name given at pairing, e.g. \"Sales floor, north wall\".").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("allowedBoards")
            .Description("Keys of the leaderboards and contests the screen may show, in the order chosen at pairing.")
            .Resolve(c => c.Source.AllowedBoards);
        Field<NonNullGraphType<StringGraphType>>("pairedBy").Description("User id of the manager or admin who paired the screen.").Resolve(c => c.Source.PairedBy);
        Field<NonNullGraphType<DateTimeGraphType>>("pairedAt").Description("When the screen was paired (UTC).").Resolve(c => c.Source.PairedAt.UtcDateTime);
        Field<DateTimeGraphType>("unpairedAt").Description("When an admin unpaired it (UTC); null while paired.").Resolve(c => c.Source.UnpairedAt?.UtcDateTime);
        Field<NonNullGraphType<BooleanGraphType>>("paired").Description("True until the screen is unpaired; an unpaired screen's tokens are refused.").Resolve(c => c.Source.IsPaired);
    }
}
