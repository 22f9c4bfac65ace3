using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>Shape shared by the payloads of mutations on one territory; each mutation names its own.</summary>
public abstract class TerritoryPayloadGraphType : ObjectGraphType<TerritoryPayload>
{
    protected TerritoryPayloadGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<TerritoryGraphType>("territory").Description("The territory after the change, seen today; null when the mutation was refused.").Resolve(c => c.Source.Territory);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the input was refused; empty on success. Nothing was written when not empty.").Resolve(c => c.Source.Errors);
    }
}
