using Spm.Api.Features.Relay;
using Spm.Domain.Accounts;

namespace Spm.Api.Features.Accounts;

/// <summary>A page of accounts.</summary>
public sealed class AccountConnectionGraphType() : ConnectionGraphType<AccountGraphType, Account>("Account", "accounts");
