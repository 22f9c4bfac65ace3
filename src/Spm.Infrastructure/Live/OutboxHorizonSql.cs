namespace Spm.Infrastructure.Live;

/// <summary>
/// Outbox ids are handed out when a row is inserted but become visible when its transaction commits, so a
/// reader that only remembers "the last id I applied" would skip a row whose transaction took its id early and
/// committed late. Each row therefore records <c>visible_after</c>, the snapshot's xmax at insert: the first
/// transaction id not yet started. Once every transaction below it has ended (the current snapshot's xmin has
/// reached it), every row with a smaller id that will ever commit has committed, and the dispatcher may pass it.
/// The column is not in the EF model: its default fills it for EF and raw-SQL inserts alike.
/// </summary>
public static class OutboxHorizonSql
{
    public const string Up = """
        ALTER TABLE outbox ADD COLUMN visible_after xid8 NOT NULL DEFAULT pg_snapshot_xmax(pg_current_snapshot());
        """;

    public const string Down = "ALTER TABLE outbox DROP COLUMN visible_after;";
}
