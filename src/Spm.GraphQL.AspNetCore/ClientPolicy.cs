using Spm.GraphQL.AspNetCore.Budgets;

namespace Spm.GraphQL.AspNetCore;

/// <summary>What the transport allows one caller.</summary>
/// <param name="ClientKey">Stable key of the caller, used for its cost budget.</param>
/// <param name="PersistedDocumentsOnly">True when the caller may only send persisted <c>documentId</c>s.</param>
/// <param name="Budget">The caller's budget; null when unmetered.</param>
public sealed record ClientPolicy(string ClientKey, bool PersistedDocumentsOnly, BudgetPolicy? Budget);
