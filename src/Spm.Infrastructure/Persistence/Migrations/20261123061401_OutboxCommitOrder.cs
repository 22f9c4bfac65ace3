using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spm.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Outbox rows get their tenant's commit order (position) at commit; the dispatcher and every consumer resume
    /// from it instead of the insert id (see OutboxCommitOrderSql, which also drops the earlier visible_after column).
    /// </summary>
    public partial class OutboxCommitOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "position",
                table: "outbox",
                type: "bigint",
                nullable: true);

            // Not in the EF model (see OutboxCommitOrderSql): keep this line if the migration is regenerated.
            migrationBuilder.Sql(Spm.Infrastructure.Outbox.OutboxCommitOrderSql.Up);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_tenant_id_position",
                table: "outbox",
                columns: new[] { "tenant_id", "position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_tenant_id_position",
                table: "outbox");

            migrationBuilder.Sql(Spm.Infrastructure.Outbox.OutboxCommitOrderSql.Down);

            migrationBuilder.DropColumn(
                name: "position",
                table: "outbox");
        }
    }
}
