using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>Shape shared by assign and unassign payloads.</summary>
public abstract class AssignmentPayloadGraphType : ObjectGraphType<AssignmentPayload>
{
    protected AssignmentPayloadGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<TerritoryAssignmentGraphType>("assignment").Description("The assignment after the change; null when refused or deleted.").Resolve(c => c.Source.Assignment);
        Field<TerritoryGraphType>("territory").Description("The territory, seen today; null when refused.").Resolve(c => c.Source.Territory);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the input was refused; empty on success. Nothing was written when not empty.").Resolve(c => c.Source.Errors);
    }
}
