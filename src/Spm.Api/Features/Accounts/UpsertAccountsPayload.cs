using Spm.Api.Graph;
using Spm.Domain.Accounts;

namespace Spm.Api.Features.Accounts;

/// <summary>Result of upsertAccounts.</summary>
public sealed record UpsertAccountsPayload(int Created, int Updated, int Unchanged, IReadOnlyList<Account> Accounts, IReadOnlyList<UserError> Errors);
