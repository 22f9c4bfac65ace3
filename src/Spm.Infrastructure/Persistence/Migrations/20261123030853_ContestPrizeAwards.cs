using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spm.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ContestPrizeAwards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal[]>(
                name: "cash_prize_amounts",
                table: "contests",
                type: "numeric(20,4)[]",
                nullable: false,
                defaultValue: new decimal[0]);

            migrationBuilder.AddColumn<string[]>(
                name: "cash_prize_currencies",
                table: "contests",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<int[]>(
                name: "cash_prize_places",
                table: "contests",
                type: "integer[]",
                nullable: false,
                defaultValue: new int[0]);

            migrationBuilder.AddColumn<Guid>(
                name: "contest_id",
                table: "comp_adjustments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "contest_place",
                table: "comp_adjustments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_comp_adjustments_contest_id",
                table: "comp_adjustments",
                column: "contest_id");

            migrationBuilder.CreateIndex(
                name: "ux_comp_adjustments_contest_prize",
                table: "comp_adjustments",
                columns: new[] { "tenant_id", "contest_id", "contest_place", "participant_id" },
                unique: true,
                filter: "contest_id IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_comp_adjustments_contests_contest_id",
                table: "comp_adjustments",
                column: "contest_id",
                principalTable: "contests",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_comp_adjustments_contests_contest_id",
                table: "comp_adjustments");

            migrationBuilder.DropIndex(
                name: "ix_comp_adjustments_contest_id",
                table: "comp_adjustments");

            migrationBuilder.DropIndex(
                name: "ux_comp_adjustments_contest_prize",
                table: "comp_adjustments");

            migrationBuilder.DropColumn(
                name: "cash_prize_amounts",
                table: "contests");

            migrationBuilder.DropColumn(
                name: "cash_prize_currencies",
                table: "contests");

            migrationBuilder.DropColumn(
                name: "cash_prize_places",
                table: "contests");

            migrationBuilder.DropColumn(
                name: "contest_id",
                table: "comp_adjustments");

            migrationBuilder.DropColumn(
                name: "contest_place",
                table: "comp_adjustments");
        }
    }
}
