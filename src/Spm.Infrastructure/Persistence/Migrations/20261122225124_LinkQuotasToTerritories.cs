using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spm.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LinkQuotasToTerritories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_quotas_territory_id",
                table: "quotas",
                column: "territory_id");

            migrationBuilder.AddForeignKey(
                name: "fk_quotas_territories_territory_id",
                table: "quotas",
                column: "territory_id",
                principalTable: "territories",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_quotas_territories_territory_id",
                table: "quotas");

            migrationBuilder.DropIndex(
                name: "ix_quotas_territory_id",
                table: "quotas");
        }
    }
}
