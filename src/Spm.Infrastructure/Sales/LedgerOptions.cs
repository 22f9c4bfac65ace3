namespace Spm.Infrastructure.Sales;

/// <summary>How <see cref="SalesLedger"/> treats a batch.</summary>
/// <param name="Channel">Stored on each revision: <c>graphql</c> or <c>bulk:&lt;import id&gt;</c>.</param>
/// <param name="AllOrNothing">Stop at the first round with an error (the caller rolls back); otherwise skip bad rows.</param>
/// <param name="EventPerSale">
/// Live path: one sale event and one credits event per sale. Bulk: one credits event per participant per batch,
/// so a million-row file writes thousands of outbox rows, not millions.
/// </param>
/// <param name="Staging">Classify through a binary-COPY staging table (large batches) instead of array parameters.</param>
public sealed record LedgerOptions(string Channel, bool AllOrNothing, bool EventPerSale, bool Staging);
