using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spm.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Outbox positions are given by the dispatcher to committed rows instead of by a trigger at commit (see
    /// OutboxPositions): drops the trigger, its function, the heads table and the writer id column, and indexes the
    /// unnumbered rows per tenant. No model change.
    /// </summary>
    [DbContext(typeof(SpmDbContext))]
    [Migration("20261123074000_OutboxNumberedByDispatcher")]
    public partial class OutboxNumberedByDispatcher : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Spm.Infrastructure.Outbox.OutboxPositions.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Spm.Infrastructure.Outbox.OutboxPositions.Down);
            migrationBuilder.Sql("""
                ALTER TABLE outbox ADD COLUMN writer_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
                CREATE INDEX ix_outbox_unnumbered ON outbox (writer_xid) WHERE position IS NULL;
                CREATE TABLE outbox_heads (tenant_id uuid PRIMARY KEY, last_position bigint NOT NULL);
                INSERT INTO outbox_heads (tenant_id, last_position) SELECT tenant_id, max(position) FROM outbox WHERE position IS NOT NULL GROUP BY tenant_id;
                """);
            migrationBuilder.Sql(Spm.Infrastructure.Outbox.OutboxCommitOrderSql.TriggerUp);
        }
    }
}
