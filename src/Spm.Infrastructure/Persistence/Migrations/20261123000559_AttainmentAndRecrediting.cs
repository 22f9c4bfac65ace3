using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spm.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AttainmentAndRecrediting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attainment_totals",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    scope_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quota_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    credited = table.Column<decimal>(type: "numeric(20,4)", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attainment_totals", x => new { x.tenant_id, x.scope, x.scope_id, x.period_id, x.quota_type });
                });

            migrationBuilder.CreateTable(
                name: "crediting_revisions",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crediting_revisions", x => x.tenant_id);
                    table.ForeignKey(
                        name: "fk_crediting_revisions_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "period_locks",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    locked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_period_locks", x => new { x.tenant_id, x.period_id });
                    table.ForeignKey(
                        name: "fk_period_locks_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_period_locks_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_credits_tenant_id_territory_id_posting_date",
                table: "credits",
                columns: new[] { "tenant_id", "territory_id", "posting_date" },
                filter: "territory_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_period_locks_period_id",
                table: "period_locks",
                column: "period_id");

            // Cache invalidation of crediting setups on every API node, and the projection built from existing credits.
            migrationBuilder.Sql(CreditingRevisionTriggerSql.Create());
            migrationBuilder.Sql(Spm.Infrastructure.Sales.AttainmentEvents.RebuildSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CreditingRevisionTriggerSql.Drop());
            migrationBuilder.DropTable(
                name: "attainment_totals");

            migrationBuilder.DropTable(
                name: "crediting_revisions");

            migrationBuilder.DropTable(
                name: "period_locks");

            migrationBuilder.DropIndex(
                name: "ix_credits_tenant_id_territory_id_posting_date",
                table: "credits");
        }
    }
}
