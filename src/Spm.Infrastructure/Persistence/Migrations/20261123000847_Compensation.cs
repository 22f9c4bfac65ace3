using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spm.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Compensation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "comp_adjustments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    origin_period_id = table.Column<Guid>(type: "uuid", nullable: true),
                    amount = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    dispute_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comp_adjustments", x => x.id);
                    table.ForeignKey(
                        name: "fk_comp_adjustments_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_comp_adjustments_periods_origin_period_id",
                        column: x => x.origin_period_id,
                        principalTable: "periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_comp_adjustments_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_comp_adjustments_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comp_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comp_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_comp_plans_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comp_plan_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true),
                    on_target_earnings = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    target_incentive = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comp_plan_assignments", x => x.id);
                    table.CheckConstraint("ck_comp_plan_assignments_amounts", "on_target_earnings >= 0 AND target_incentive >= 0");
                    table.CheckConstraint("ck_comp_plan_assignments_dates", "effective_to IS NULL OR effective_to >= effective_from");
                    table.ForeignKey(
                        name: "fk_comp_plan_assignments_comp_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "comp_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_comp_plan_assignments_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_comp_plan_assignments_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comp_plan_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true),
                    document = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comp_plan_versions", x => x.id);
                    table.CheckConstraint("ck_comp_plan_versions_dates", "effective_to IS NULL OR effective_to >= effective_from");
                    table.CheckConstraint("ck_comp_plan_versions_version", "version >= 1");
                    table.ForeignKey(
                        name: "fk_comp_plan_versions_comp_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "comp_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_comp_plan_versions_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "calculation_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    scope = table.Column<List<Guid>>(type: "uuid[]", nullable: true),
                    what_if_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    participants_total = table.Column<int>(type: "integer", nullable: false),
                    participants_done = table.Column<int>(type: "integer", nullable: false),
                    credits_read = table.Column<long>(type: "bigint", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calculation_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_calculation_runs_comp_plan_versions_what_if_version_id",
                        column: x => x.what_if_version_id,
                        principalTable: "comp_plan_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_calculation_runs_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_calculation_runs_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "calculation_lines",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_no = table.Column<int>(type: "integer", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_version = table.Column<int>(type: "integer", nullable: false),
                    component_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    component_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rule = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    tier = table.Column<int>(type: "integer", nullable: true),
                    basis = table.Column<decimal>(type: "numeric(24,8)", precision: 24, scale: 8, nullable: false),
                    rate = table.Column<decimal>(type: "numeric(20,8)", precision: 20, scale: 8, nullable: true),
                    amount = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    adjusts_from = table.Column<DateOnly>(type: "date", nullable: true),
                    adjusts_to = table.Column<DateOnly>(type: "date", nullable: true),
                    award_id = table.Column<Guid>(type: "uuid", nullable: true),
                    credit_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    sale_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    source_basis = table.Column<decimal[]>(type: "numeric[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calculation_lines", x => new { x.run_id, x.participant_id, x.line_no });
                    table.ForeignKey(
                        name: "fk_calculation_lines_calculation_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "calculation_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "calculation_results",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    credited = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    quota = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    attainment = table.Column<decimal>(type: "numeric(20,8)", precision: 20, scale: 8, nullable: true),
                    earnings = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    draw_paid = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    draw_recovered = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    payout = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    draw_balance_before = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    draw_balance_carried = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    line_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calculation_results", x => new { x.run_id, x.participant_id });
                    table.ForeignKey(
                        name: "fk_calculation_results_calculation_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "calculation_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comp_disputes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: true),
                    line_no = table.Column<int>(type: "integer", nullable: true),
                    credit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    resolution = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    adjustment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    opened_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    review_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comp_disputes", x => x.id);
                    table.CheckConstraint("ck_comp_disputes_subject", "(run_id IS NOT NULL AND line_no IS NOT NULL) OR credit_id IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_comp_disputes_calculation_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "calculation_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_comp_disputes_comp_adjustments_adjustment_id",
                        column: x => x.adjustment_id,
                        principalTable: "comp_adjustments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_comp_disputes_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_comp_disputes_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_comp_disputes_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payout_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    approval_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    locked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payout_batches", x => x.id);
                    table.ForeignKey(
                        name: "fk_payout_batches_approval_requests_approval_request_id",
                        column: x => x.approval_request_id,
                        principalTable: "approval_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_payout_batches_calculation_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "calculation_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payout_batches_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payout_batches_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payout_lines",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payout_lines", x => new { x.batch_id, x.participant_id });
                    table.ForeignKey(
                        name: "fk_payout_lines_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payout_lines_payout_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "payout_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_calculation_results_tenant_id_participant_id",
                table: "calculation_results",
                columns: new[] { "tenant_id", "participant_id" });

            migrationBuilder.CreateIndex(
                name: "ix_calculation_runs_period_id",
                table: "calculation_runs",
                column: "period_id");

            migrationBuilder.CreateIndex(
                name: "ix_calculation_runs_status",
                table: "calculation_runs",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_calculation_runs_tenant_id_period_id_created_at",
                table: "calculation_runs",
                columns: new[] { "tenant_id", "period_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_calculation_runs_what_if_version_id",
                table: "calculation_runs",
                column: "what_if_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_comp_adjustments_origin_period_id",
                table: "comp_adjustments",
                column: "origin_period_id");

            migrationBuilder.CreateIndex(
                name: "ix_comp_adjustments_participant_id",
                table: "comp_adjustments",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_comp_adjustments_period_id",
                table: "comp_adjustments",
                column: "period_id");

            migrationBuilder.CreateIndex(
                name: "ix_comp_adjustments_tenant_id_period_id_participant_id",
                table: "comp_adjustments",
                columns: new[] { "tenant_id", "period_id", "participant_id" });

            migrationBuilder.CreateIndex(
                name: "ix_comp_disputes_adjustment_id",
                table: "comp_disputes",
                column: "adjustment_id");

            migrationBuilder.CreateIndex(
                name: "ix_comp_disputes_participant_id",
                table: "comp_disputes",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_comp_disputes_period_id",
                table: "comp_disputes",
                column: "period_id");

            migrationBuilder.CreateIndex(
                name: "ix_comp_disputes_run_id",
                table: "comp_disputes",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_comp_disputes_tenant_id_participant_id",
                table: "comp_disputes",
                columns: new[] { "tenant_id", "participant_id" });

            migrationBuilder.CreateIndex(
                name: "ix_comp_disputes_tenant_id_status_opened_at",
                table: "comp_disputes",
                columns: new[] { "tenant_id", "status", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "ix_comp_plan_assignments_participant_id",
                table: "comp_plan_assignments",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_comp_plan_assignments_plan_id",
                table: "comp_plan_assignments",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_comp_plan_assignments_tenant_id_participant_id_effective_fr~",
                table: "comp_plan_assignments",
                columns: new[] { "tenant_id", "participant_id", "effective_from" });

            migrationBuilder.CreateIndex(
                name: "ix_comp_plan_versions_plan_id_version",
                table: "comp_plan_versions",
                columns: new[] { "plan_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_comp_plan_versions_tenant_id_plan_id_effective_from",
                table: "comp_plan_versions",
                columns: new[] { "tenant_id", "plan_id", "effective_from" });

            migrationBuilder.CreateIndex(
                name: "ix_comp_plans_tenant_id_name",
                table: "comp_plans",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payout_batches_approval_request_id",
                table: "payout_batches",
                column: "approval_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_payout_batches_period_id",
                table: "payout_batches",
                column: "period_id");

            migrationBuilder.CreateIndex(
                name: "ix_payout_batches_run_id",
                table: "payout_batches",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ux_payout_batches_locked_period",
                table: "payout_batches",
                columns: new[] { "tenant_id", "period_id" },
                unique: true,
                filter: "status = 'Locked'");

            migrationBuilder.CreateIndex(
                name: "ix_payout_lines_participant_id",
                table: "payout_lines",
                column: "participant_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calculation_lines");

            migrationBuilder.DropTable(
                name: "calculation_results");

            migrationBuilder.DropTable(
                name: "comp_disputes");

            migrationBuilder.DropTable(
                name: "comp_plan_assignments");

            migrationBuilder.DropTable(
                name: "payout_lines");

            migrationBuilder.DropTable(
                name: "comp_adjustments");

            migrationBuilder.DropTable(
                name: "payout_batches");

            migrationBuilder.DropTable(
                name: "calculation_runs");

            migrationBuilder.DropTable(
                name: "comp_plan_versions");

            migrationBuilder.DropTable(
                name: "comp_plans");
        }
    }
}
