using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Accounts;

/// <summary>Result of upsertAccounts.</summary>
public sealed class UpsertAccountsPayloadGraphType : ObjectGraphType<UpsertAccountsPayload>
{
    public UpsertAccountsPayloadGraphType()
    {
        Name = "UpsertAccountsPayload";
        Description = "Result of upsertAccounts. All rows or none: with any error nothing is written.";
        Field<NonNullGraphType<IntGraphType>>("created").Description("Accounts created.").Resolve(c => c.Source.Created);
        Field<NonNullGraphType<IntGraphType>>("updated").Description("Existing accounts whose values changed.").Resolve(c => c.Source.Updated);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Description("Existing accounts already equal to their row (nothing written, nothing audited).").Resolve(c => c.Source.Unchanged);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccountGraphType>>>>("accounts").Description("The accounts in input order; empty when refused.").Resolve(c => c.Source.Accounts);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors")
            .Description("Every problem found, each naming its row and field as `[\"input\", \"accounts\", \"<index>\", \"<field>\"]`; empty on success.")
            .Resolve(c => c.Source.Errors);
    }
}
