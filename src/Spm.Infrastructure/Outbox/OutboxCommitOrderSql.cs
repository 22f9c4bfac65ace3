namespace Spm.Infrastructure.Outbox;

/// <summary>
/// Gives each outbox row its tenant's commit order, so "the last position I applied" is a complete resume point.
/// Ids cannot serve: a transaction takes its ids when it inserts and becomes visible when it commits, so a reader
/// that passed id 7 may later see id 6 appear. (The first attempt compared each row with the snapshot horizon of its
/// insert; the horizon is one past the last <em>completed</em> transaction, so a running writer that already held a
/// smaller id was not waited for, and 3–9 % of a busy tenant's events were skipped.)
/// <para>
/// Here a deferred constraint trigger fires at commit, after all the transaction's other work, once per row; the first
/// firing does the work (the others see a transaction-local flag and return). It locks the
/// tenant's row in <c>outbox_heads</c> (held until the commit is visible) and numbers the transaction's rows after
/// the head, in id order. A second writer of the tenant waits on that row lock and numbers after the first one's
/// commit, so positions follow commit order and the rows visible to any snapshot are a prefix of positions. The lock
/// is the last one the transaction takes and its holder waits for nobody, so it cannot deadlock; it serialises only
/// the commits of one tenant, not their work. Rows are found by the writer's top-level transaction id through a
/// partial index that holds only unnumbered rows.
/// </para>
/// </summary>
public static class OutboxCommitOrderSql
{
    public const string Up = """
        ALTER TABLE outbox DROP COLUMN visible_after;
        ALTER TABLE outbox ADD COLUMN writer_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
        UPDATE outbox SET position = id;
        CREATE INDEX ix_outbox_unnumbered ON outbox (writer_xid) WHERE position IS NULL;
        CREATE TABLE outbox_heads (tenant_id uuid PRIMARY KEY, last_position bigint NOT NULL);
        INSERT INTO outbox_heads (tenant_id, last_position) SELECT tenant_id, max(position) FROM outbox GROUP BY tenant_id;

        CREATE FUNCTION outbox_number_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          writer xid8 := pg_current_xact_id();
          tenant uuid;
          n bigint;
          head bigint;
        BEGIN
          -- Fired once per row; the first firing numbers every row of the transaction.
          IF current_setting('spm.outbox_numbered', true) = writer::text THEN
            RETURN NULL;
          END IF;
          PERFORM set_config('spm.outbox_numbered', writer::text, true);
          FOR tenant, n IN SELECT o.tenant_id, count(*) FROM outbox o WHERE o.writer_xid = writer AND o.position IS NULL GROUP BY o.tenant_id ORDER BY o.tenant_id LOOP
            INSERT INTO outbox_heads AS h (tenant_id, last_position) VALUES (tenant, n)
              ON CONFLICT (tenant_id) DO UPDATE SET last_position = h.last_position + n
              RETURNING h.last_position INTO head;
            UPDATE outbox o SET position = head - n + r.k
              FROM (SELECT id, row_number() OVER (ORDER BY id) AS k FROM outbox WHERE writer_xid = writer AND position IS NULL AND tenant_id = tenant) r
              WHERE o.id = r.id;
          END LOOP;
          RETURN NULL;
        END $$;

        CREATE CONSTRAINT TRIGGER outbox_number_at_commit AFTER INSERT ON outbox
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION outbox_number_at_commit();
        """;

    public const string Down = """
        DROP TRIGGER outbox_number_at_commit ON outbox;
        DROP FUNCTION outbox_number_at_commit();
        DROP TABLE outbox_heads;
        DROP INDEX ix_outbox_unnumbered;
        ALTER TABLE outbox DROP COLUMN writer_xid;
        ALTER TABLE outbox ADD COLUMN visible_after xid8 NOT NULL DEFAULT pg_snapshot_xmax(pg_current_snapshot());
        """;
}
