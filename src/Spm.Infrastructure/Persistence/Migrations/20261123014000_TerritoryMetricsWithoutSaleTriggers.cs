using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spm.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Territory metrics no longer ride on the territory revision: the triggers on sales, opportunities and FX rates
    /// raised one per-tenant row on every deal, a row lock held to commit that serialised every writer of a tenant.
    /// The cached metrics now expire by age instead (TerritoryOwnershipService.MetricsMaxAge). No model change.
    /// </summary>
    [DbContext(typeof(SpmDbContext))]
    [Migration("20261123014000_TerritoryMetricsWithoutSaleTriggers")]
    public partial class TerritoryMetricsWithoutSaleTriggers : Migration
    {
        private static readonly string[] MetricTables = ["sales", "opportunities", "fx_rates"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TerritoryRevisionTriggerSql.DropTriggersFor(MetricTables));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TerritoryRevisionTriggerSql.TriggersFor(MetricTables));
        }
    }
}
