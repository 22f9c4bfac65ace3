using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spm.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddPlansQuotasApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "approval_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    current_step = table.Column<int>(type: "integer", nullable: false),
                    rejection_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approval_requests", x => x.id);
                    table.CheckConstraint("ck_approval_requests_step", "current_step >= 0");
                    table.ForeignKey(
                        name: "fk_approval_requests_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sales_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fiscal_year = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    revenue_target = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    productivity_per_ramped_rep_per_month = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    annual_attrition_rate = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    hiring_lead_time_months = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ramp_curve = table.Column<decimal[]>(type: "numeric[]", nullable: false),
                    seasonality_weights = table.Column<decimal[]>(type: "numeric[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_plans", x => x.id);
                    table.CheckConstraint("ck_sales_plans_attrition", "annual_attrition_rate BETWEEN 0 AND 1");
                    table.CheckConstraint("ck_sales_plans_productivity", "productivity_per_ramped_rep_per_month > 0");
                    table.CheckConstraint("ck_sales_plans_seasonality", "cardinality(seasonality_weights) = 12");
                    table.CheckConstraint("ck_sales_plans_target", "revenue_target >= 0");
                    table.ForeignKey(
                        name: "fk_sales_plans_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "approval_events",
                columns: table => new
                {
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    approval_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: true),
                    admin_override = table.Column<bool>(type: "boolean", nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approval_events", x => new { x.approval_request_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_approval_events_approval_requests_approval_request_id",
                        column: x => x.approval_request_id,
                        principalTable: "approval_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "approval_steps",
                columns: table => new
                {
                    step = table.Column<int>(type: "integer", nullable: false),
                    approval_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    approver_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    admin_override = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approval_steps", x => new { x.approval_request_id, x.step });
                    table.ForeignKey(
                        name: "fk_approval_steps_approval_requests_approval_request_id",
                        column: x => x.approval_request_id,
                        principalTable: "approval_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_approval_steps_participants_approver_id",
                        column: x => x.approver_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "quotas",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    territory_id = table.Column<Guid>(type: "uuid", nullable: true),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    is_overlay = table.Column<bool>(type: "boolean", nullable: false),
                    ramp_percentage = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    approval_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quotas", x => x.id);
                    table.CheckConstraint("ck_quotas_amount", "amount >= 0");
                    table.CheckConstraint("ck_quotas_currency", "(type = 'Revenue') = (currency IS NOT NULL)");
                    table.CheckConstraint("ck_quotas_subject", "(subject_kind = 'Participant' AND participant_id IS NOT NULL AND team_id IS NULL AND territory_id IS NULL) OR (subject_kind = 'Team' AND team_id IS NOT NULL AND participant_id IS NULL AND territory_id IS NULL) OR (subject_kind = 'Territory' AND territory_id IS NOT NULL AND participant_id IS NULL AND team_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_quotas_approval_requests_approval_request_id",
                        column: x => x.approval_request_id,
                        principalTable: "approval_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_quotas_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_quotas_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_quotas_sales_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "sales_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_quotas_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_quotas_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sales_plan_targets",
                columns: table => new
                {
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sales_plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_plan_targets", x => new { x.sales_plan_id, x.period_id });
                    table.ForeignKey(
                        name: "fk_sales_plan_targets_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sales_plan_targets_sales_plans_sales_plan_id",
                        column: x => x.sales_plan_id,
                        principalTable: "sales_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quota_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quota_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_participant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    old_amount = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    new_amount = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    old_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    new_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quota_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_quota_changes_quotas_quota_id",
                        column: x => x.quota_id,
                        principalTable: "quotas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_quota_changes_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_tenant_id_state_id",
                table: "approval_requests",
                columns: new[] { "tenant_id", "state", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_requests_tenant_id_subject_kind_subject_id",
                table: "approval_requests",
                columns: new[] { "tenant_id", "subject_kind", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_steps_approver_id",
                table: "approval_steps",
                column: "approver_id");

            migrationBuilder.CreateIndex(
                name: "ix_quota_changes_quota_id_at_id",
                table: "quota_changes",
                columns: new[] { "quota_id", "at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_quota_changes_tenant_id",
                table: "quota_changes",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_quotas_approval_request_id",
                table: "quotas",
                column: "approval_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_quotas_participant_id",
                table: "quotas",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_quotas_period_id",
                table: "quotas",
                column: "period_id");

            migrationBuilder.CreateIndex(
                name: "ix_quotas_plan_id",
                table: "quotas",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_quotas_team_id",
                table: "quotas",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_quotas_tenant_id_participant_id_period_id",
                table: "quotas",
                columns: new[] { "tenant_id", "participant_id", "period_id" });

            migrationBuilder.CreateIndex(
                name: "ix_quotas_tenant_id_period_id_type_participant_id_team_id_terr~",
                table: "quotas",
                columns: new[] { "tenant_id", "period_id", "type", "participant_id", "team_id", "territory_id", "is_overlay" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_quotas_tenant_id_team_id_period_id",
                table: "quotas",
                columns: new[] { "tenant_id", "team_id", "period_id" });

            migrationBuilder.CreateIndex(
                name: "ix_quotas_tenant_id_territory_id_period_id",
                table: "quotas",
                columns: new[] { "tenant_id", "territory_id", "period_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_plan_targets_period_id",
                table: "sales_plan_targets",
                column: "period_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_plans_tenant_id_fiscal_year",
                table: "sales_plans",
                columns: new[] { "tenant_id", "fiscal_year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approval_events");

            migrationBuilder.DropTable(
                name: "approval_steps");

            migrationBuilder.DropTable(
                name: "quota_changes");

            migrationBuilder.DropTable(
                name: "sales_plan_targets");

            migrationBuilder.DropTable(
                name: "quotas");

            migrationBuilder.DropTable(
                name: "approval_requests");

            migrationBuilder.DropTable(
                name: "sales_plans");
        }
    }
}
