using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spm.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tenants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reporting_currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    fiscal_year_start_month = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenants", x => x.id);
                    table.CheckConstraint("ck_tenants_fiscal_year_start_month", "fiscal_year_start_month BETWEEN 1 AND 12");
                });

            migrationBuilder.CreateTable(
                name: "periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    fiscal_year = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_periods", x => x.id);
                    table.CheckConstraint("ck_periods_dates", "end_date >= start_date");
                    table.ForeignKey(
                        name: "fk_periods_periods_parent_id",
                        column: x => x.parent_id,
                        principalTable: "periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_periods_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    manager_id = table.Column<Guid>(type: "uuid", nullable: true),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    hire_date = table.Column<DateOnly>(type: "date", nullable: false),
                    termination_date = table.Column<DateOnly>(type: "date", nullable: true),
                    pay_currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participants", x => x.id);
                    table.CheckConstraint("ck_participants_termination_after_hire", "termination_date IS NULL OR termination_date >= hire_date");
                    table.ForeignKey(
                        name: "fk_participants_participants_manager_id",
                        column: x => x.manager_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_participants_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "teams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    parent_team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    manager_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teams", x => x.id);
                    table.ForeignKey(
                        name: "fk_teams_participants_manager_id",
                        column: x => x.manager_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_teams_teams_parent_team_id",
                        column: x => x.parent_team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_teams_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_participants_manager_id",
                table: "participants",
                column: "manager_id");

            migrationBuilder.CreateIndex(
                name: "ix_participants_team_id",
                table: "participants",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_participants_tenant_id_email",
                table: "participants",
                columns: new[] { "tenant_id", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_participants_tenant_id_manager_id",
                table: "participants",
                columns: new[] { "tenant_id", "manager_id" });

            migrationBuilder.CreateIndex(
                name: "ix_participants_tenant_id_name_id",
                table: "participants",
                columns: new[] { "tenant_id", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_participants_tenant_id_team_id_name",
                table: "participants",
                columns: new[] { "tenant_id", "team_id", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_periods_parent_id",
                table: "periods",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_periods_tenant_id_kind_fiscal_year_number",
                table: "periods",
                columns: new[] { "tenant_id", "kind", "fiscal_year", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_periods_tenant_id_start_date_end_date",
                table: "periods",
                columns: new[] { "tenant_id", "start_date", "end_date" });

            migrationBuilder.CreateIndex(
                name: "ix_teams_manager_id",
                table: "teams",
                column: "manager_id");

            migrationBuilder.CreateIndex(
                name: "ix_teams_parent_team_id",
                table: "teams",
                column: "parent_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_teams_tenant_id_parent_team_id",
                table: "teams",
                columns: new[] { "tenant_id", "parent_team_id" });

            migrationBuilder.CreateIndex(
                name: "ix_tenants_slug",
                table: "tenants",
                column: "slug",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_participants_teams_team_id",
                table: "participants",
                column: "team_id",
                principalTable: "teams",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            // Cycles are refused by the database too, whatever path writes the rows.
            migrationBuilder.Sql(HierarchyCycleTriggerSql.Create("participants", "manager_id", "manager"));
            migrationBuilder.Sql(HierarchyCycleTriggerSql.Create("teams", "parent_team_id", "team"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(HierarchyCycleTriggerSql.Drop("participants", "manager_id"));
            migrationBuilder.Sql(HierarchyCycleTriggerSql.Drop("teams", "parent_team_id"));

            migrationBuilder.DropForeignKey(
                name: "fk_participants_teams_team_id",
                table: "participants");

            migrationBuilder.DropTable(
                name: "periods");

            migrationBuilder.DropTable(
                name: "teams");

            migrationBuilder.DropTable(
                name: "participants");

            migrationBuilder.DropTable(
                name: "tenants");
        }
    }
}
