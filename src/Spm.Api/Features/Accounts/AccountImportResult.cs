using Spm.Domain.Accounts;

namespace Spm.Api.Features.Accounts;

/// <summary>What an upsert did: accounts created, updated and left unchanged (in input order).</summary>
public sealed record AccountImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<Account> Accounts);
