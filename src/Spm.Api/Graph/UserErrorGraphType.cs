using GraphQL.Types;

namespace Spm.Api.Graph;

/// <summary>GraphQL shape of <see cref="UserError"/>.</summary>
public sealed class UserErrorGraphType : ObjectGraphType<UserError>
{
    public UserErrorGraphType()
    {
        Name = "UserError";
        Description = "Why a mutation refused its input. Nothing was written when a payload carries errors.";
        Field(e => e.Code).Description("Stable machine-readable code, e.g. `VALIDATION`, `NOT_FOUND`, `CONFLICT`.");
        Field(e => e.Message).Description("Human-readable explanation.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("field")
            .Description("Path to the offending input field, e.g. `[\"input\", \"rows\", \"3\", \"amount\"]`; empty when the error concerns the whole input.")
            .Resolve(c => c.Source.Field);
    }
}
