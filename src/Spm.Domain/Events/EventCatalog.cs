namespace Spm.Domain.Events;

/// <summary>
/// The outbox event contract in one place: every event type, who writes it and who reads it. The ingestion
/// path writes these rows in the same transaction as the change and then NOTIFYs; the dispatcher applies them
/// to Redis and pushes them to SignalR groups and GraphQL subscriptions. Payloads are the records named here,
/// serialised as JSON with their <c>type</c> and <c>schemaVersion</c>.
/// </summary>
public static class EventCatalog
{
    /// <summary>Type name to payload record, for the dispatcher's deserialiser. Version 1 of every type.</summary>
    public static IReadOnlyDictionary<string, Type> Types { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        // Producer: sales ingestion (recordSales, bulk import) when a new external id lands.
        // Consumers: live deal feed and the TV "deal closed" celebration; deal-count leaderboards and contests.
        [SaleRecorded.TypeName] = typeof(SaleRecorded),

        // Producer: sales ingestion when an external id arrives with changed content.
        // Consumers: deal feed (shows the correction); deal-count metrics are unchanged (same deal).
        [SaleAmended.TypeName] = typeof(SaleAmended),

        // Producer: sales ingestion on a cancellation. Consumers: deal feed, deal-count leaderboards
        // (minus one), compensation (clawback window check).
        [SaleCancelled.TypeName] = typeof(SaleCancelled),

        // Producer: ingestion (new, amended, cancelled sale) and re-crediting runs (adjustments).
        // Consumers: revenue leaderboards and contests (ZINCRBY by delta per window), earnings estimates.
        [CreditsChanged.TypeName] = typeof(CreditsChanged),

        // Producer: the attainment projection, in the same transaction as the credits that moved it.
        // Consumers: attainment leaderboards, "first to 100 %" contests, rep and manager dashboards.
        [AttainmentChanged.TypeName] = typeof(AttainmentChanged),

        // Producer: activity ingestion. Consumers: activity leaderboards and contests, live activity feed.
        [ActivityLogged.TypeName] = typeof(ActivityLogged),

        // Producer: opportunity upserts. Consumers: pipeline dashboards, forecast roll-ups, funnel metrics.
        [OpportunityChanged.TypeName] = typeof(OpportunityChanged),

        // Producer: compensation disputes (opened, in review, resolved, rejected).
        // Consumers: the rep's live notifications (the participant's channel), sales operations' dispute queue.
        [DisputeChanged.TypeName] = typeof(DisputeChanged),

        // Producer: compensation plan mutations (a version published, a participant assigned).
        // Consumers: live earnings (drops the cached participants, rebuilt from PostgreSQL on their next credit).
        [CompensationChanged.TypeName] = typeof(CompensationChanged),

        // Producer: the contest scheduler, in the transaction that freezes the final standings.
        // Consumers: TV podium and announcements; compensation (prizes become SPIFFs once it exists).
        [ContestEnded.TypeName] = typeof(ContestEnded),
    };
}
