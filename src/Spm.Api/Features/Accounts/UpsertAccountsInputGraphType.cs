using GraphQL.Types;

namespace Spm.Api.Features.Accounts;

/// <summary>Input of upsertAccounts.</summary>
public sealed class UpsertAccountsInputGraphType : InputObjectGraphType
{
    public UpsertAccountsInputGraphType()
    {
        Name = "UpsertAccountsInput";
        Description = $"Up to {AccountImporter.MaxBatch} accounts, matched to existing ones by `externalId`.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccountInputGraphType>>>>("accounts").Description("The rows; errors name a row by its index here.");
    }
}
