using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spm.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CalculationRunLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "calculation_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "lease_expires_at",
                table: "calculation_runs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lease_owner",
                table: "calculation_runs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // One notion of a locked period: a paid (payout-locked) period is also locked for crediting, so a late
            // credit dated in it posts in the open period. Periods paid before this migration get their crediting lock here.
            migrationBuilder.Sql("""
                INSERT INTO period_locks (tenant_id, period_id, locked_at)
                SELECT tenant_id, period_id, coalesce(locked_at, now()) FROM payout_batches WHERE status = 'Locked'
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "attempts",
                table: "calculation_runs");

            migrationBuilder.DropColumn(
                name: "lease_expires_at",
                table: "calculation_runs");

            migrationBuilder.DropColumn(
                name: "lease_owner",
                table: "calculation_runs");
        }
    }
}
