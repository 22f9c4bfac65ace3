using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spm.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Contests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    format = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    metric = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    goal = table.Column<decimal>(type: "numeric(20,4)", nullable: true),
                    baseline_start = table.Column<DateOnly>(type: "date", nullable: true),
                    baseline_end = table.Column<DateOnly>(type: "date", nullable: true),
                    scope = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    scope_team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    hidden = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    baseline_scores = table.Column<decimal[]>(type: "numeric(20,4)[]", nullable: false),
                    baseline_subjects = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    pair_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    participant_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    prizes = table.Column<string[]>(type: "text[]", nullable: false),
                    team_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contests", x => x.id);
                    table.CheckConstraint("ck_contests_goal", "goal IS NULL OR goal > 0");
                    table.CheckConstraint("ck_contests_window", "ends_at > starts_at");
                    table.ForeignKey(
                        name: "fk_contests_teams_scope_team_id",
                        column: x => x.scope_team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contests_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contest_results",
                columns: table => new
                {
                    contest_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    score = table.Column<decimal>(type: "numeric(20,4)", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    opponent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    prize = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contest_results", x => new { x.contest_id, x.subject_id });
                    table.ForeignKey(
                        name: "fk_contest_results_contests_contest_id",
                        column: x => x.contest_id,
                        principalTable: "contests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contest_results_contest_id_rank",
                table: "contest_results",
                columns: new[] { "contest_id", "rank" });

            migrationBuilder.CreateIndex(
                name: "ix_contests_scope_team_id",
                table: "contests",
                column: "scope_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_contests_status_ends_at",
                table: "contests",
                columns: new[] { "status", "ends_at" });

            migrationBuilder.CreateIndex(
                name: "ix_contests_status_starts_at",
                table: "contests",
                columns: new[] { "status", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_contests_tenant_id_key",
                table: "contests",
                columns: new[] { "tenant_id", "key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contest_results");

            migrationBuilder.DropTable(
                name: "contests");
        }
    }
}
