using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spm.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TerritoryMetricsFromSalesAndPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Territory metrics (open pipeline, last year's revenue, in reporting currency) are cached with the
            // membership, keyed by the territory revision: writes to what they read must raise it too.
            migrationBuilder.Sql(TerritoryRevisionTriggerSql.TriggersFor(MetricTables));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TerritoryRevisionTriggerSql.DropTriggersFor(MetricTables));
        }

        private static readonly string[] MetricTables = ["sales", "opportunities", "fx_rates"];
    }
}
