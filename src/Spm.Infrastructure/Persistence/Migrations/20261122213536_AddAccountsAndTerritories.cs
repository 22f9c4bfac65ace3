using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spm.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddAccountsAndTerritories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    external_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    country = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    region = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    county = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    city = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    postal_code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    industry = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    employee_count = table.Column<int>(type: "integer", nullable: false),
                    annual_revenue = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    potential = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    latitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    longitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    owner_participant_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts", x => x.id);
                    table.CheckConstraint("ck_accounts_coordinates", "(latitude IS NULL) = (longitude IS NULL)");
                    table.CheckConstraint("ck_accounts_non_negative", "employee_count >= 0 AND annual_revenue >= 0 AND potential >= 0");
                    table.ForeignKey(
                        name: "fk_accounts_participants_owner_participant_id",
                        column: x => x.owner_participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_accounts_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "territories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true),
                    rule_match = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    rules = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_territories", x => x.id);
                    table.CheckConstraint("ck_territories_dates", "effective_to IS NULL OR effective_to >= effective_from");
                    table.ForeignKey(
                        name: "fk_territories_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_territories_territories_parent_id",
                        column: x => x.parent_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "territory_revisions",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_territory_revisions", x => x.tenant_id);
                    table.ForeignKey(
                        name: "fk_territory_revisions_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "territory_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    territory_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    split_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_territory_assignments", x => x.id);
                    table.CheckConstraint("ck_territory_assignments_dates", "effective_to IS NULL OR effective_to >= effective_from");
                    table.CheckConstraint("ck_territory_assignments_split", "split_percent > 0 AND split_percent <= 100");
                    table.ForeignKey(
                        name: "fk_territory_assignments_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_territory_assignments_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_territory_assignments_territories_territory_id",
                        column: x => x.territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "territory_overrides",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    territory_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_territory_overrides", x => x.id);
                    table.ForeignKey(
                        name: "fk_territory_overrides_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_territory_overrides_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_territory_overrides_territories_territory_id",
                        column: x => x.territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "territory_rebalance_proposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    options = table.Column<string>(type: "jsonb", nullable: false),
                    moves = table.Column<string>(type: "jsonb", nullable: false),
                    balance = table.Column<string>(type: "jsonb", nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_territory_rebalance_proposals", x => x.id);
                    table.ForeignKey(
                        name: "fk_territory_rebalance_proposals_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_territory_rebalance_proposals_territories_parent_id",
                        column: x => x.parent_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_owner_participant_id",
                table: "accounts",
                column: "owner_participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_tenant_id_external_id",
                table: "accounts",
                columns: new[] { "tenant_id", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_tenant_id_name_id",
                table: "accounts",
                columns: new[] { "tenant_id", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_territories_parent_id",
                table: "territories",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_territories_tenant_id_parent_id",
                table: "territories",
                columns: new[] { "tenant_id", "parent_id" });

            migrationBuilder.CreateIndex(
                name: "ix_territory_assignments_participant_id",
                table: "territory_assignments",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_territory_assignments_tenant_id_participant_id",
                table: "territory_assignments",
                columns: new[] { "tenant_id", "participant_id" });

            migrationBuilder.CreateIndex(
                name: "ix_territory_assignments_tenant_id_territory_id",
                table: "territory_assignments",
                columns: new[] { "tenant_id", "territory_id" });

            migrationBuilder.CreateIndex(
                name: "ix_territory_assignments_territory_id",
                table: "territory_assignments",
                column: "territory_id");

            migrationBuilder.CreateIndex(
                name: "ix_territory_overrides_account_id",
                table: "territory_overrides",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_territory_overrides_one_include_per_account",
                table: "territory_overrides",
                columns: new[] { "tenant_id", "account_id" },
                unique: true,
                filter: "kind = 'Include'");

            migrationBuilder.CreateIndex(
                name: "ix_territory_overrides_tenant_id_account_id_territory_id",
                table: "territory_overrides",
                columns: new[] { "tenant_id", "account_id", "territory_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_territory_overrides_territory_id",
                table: "territory_overrides",
                column: "territory_id");

            migrationBuilder.CreateIndex(
                name: "ix_territory_rebalance_proposals_parent_id",
                table: "territory_rebalance_proposals",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_territory_rebalance_proposals_tenant_id_parent_id",
                table: "territory_rebalance_proposals",
                columns: new[] { "tenant_id", "parent_id" });

            // Cycles: the domain refuses them first; the trigger guards every other writer.
            migrationBuilder.Sql(HierarchyCycleTriggerSql.Create("territories", "parent_id", "territory"));

            // One participant cannot hold the same role on one territory twice on any day (the domain says so first).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql("""
                ALTER TABLE territory_assignments ADD CONSTRAINT ex_territory_assignments_no_overlap
                EXCLUDE USING gist (tenant_id WITH =, territory_id WITH =, participant_id WITH =, role WITH =,
                    daterange(effective_from, effective_to, '[]') WITH &&);
                """);

            // Cache invalidation for every API node: see TerritoryRevisionTriggerSql.
            migrationBuilder.Sql(TerritoryRevisionTriggerSql.Create());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TerritoryRevisionTriggerSql.Drop());
            migrationBuilder.Sql(HierarchyCycleTriggerSql.Drop("territories", "parent_id"));
            migrationBuilder.DropTable(
                name: "territory_assignments");

            migrationBuilder.DropTable(
                name: "territory_overrides");

            migrationBuilder.DropTable(
                name: "territory_rebalance_proposals");

            migrationBuilder.DropTable(
                name: "territory_revisions");

            migrationBuilder.DropTable(
                name: "accounts");

            migrationBuilder.DropTable(
                name: "territories");
        }
    }
}
