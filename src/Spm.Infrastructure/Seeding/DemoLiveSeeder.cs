using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Spm.Domain.Crediting;
using Spm.Domain.Live;
using Spm.Infrastructure.Live.Leaderboards;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Sales;

namespace Spm.Infrastructure.Seeding;

/// <summary>
/// What makes the demo tenant's live layer move when sales arrive (`./spm up --simulate`): crediting rules (direct
/// to the owner, split to co-sellers, roll-up to every manager above; without rules a sale credits nobody), exchange
/// rates from the reporting currency to the demo people's pay currencies (a credit in a missing currency is refused,
/// never zero) and four leaderboards for the TV page. Each part is seeded only when the tenant has none, so an admin's own setup is kept.
/// </summary>
public sealed class DemoLiveSeeder(SpmDbContext db, TimeProvider clock)
{
    /// <summary>The demo boards' keys, e.g. for pairing a screen at /connect/verify.</summary>
    public static readonly IReadOnlyList<string> BoardKeys = ["revenue-month", "deals-today", "calls-week", "team-revenue-quarter"];

    public async Task SeedAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await db.CreditingRules.IgnoreQueryFilters().AnyAsync(r => r.TenantId == tenantId, cancellationToken))
        {
            var config = JsonSerializer.Serialize(new CreditingRuleConfig(null, null, 0m, null), JsonSerializerOptions.Web);
            var order = 0;
            foreach (var (kind, name) in new[] { (CreditRuleKind.Direct, "Owner"), (CreditRuleKind.Split, "Co-sellers"), (CreditRuleKind.Rollup, "Managers above") })
            {
                order += 10;
                db.CreditingRules.Add(new StoredCreditingRule
                {
                    Id = Guid.CreateVersion7(now),
                    TenantId = tenantId,
                    Name = name,
                    Kind = kind.ToString(),
                    Order = order,
                    EffectiveFrom = new DateOnly(2020, 1, 1),
                    Config = config,
                    UpdatedAt = now,
                });
            }
        }

        if (!await db.FxRates.IgnoreQueryFilters().AnyAsync(r => r.TenantId == tenantId, cancellationToken))
        {
            // Indicative rates, effective long before any demo sale.
            foreach (var (currency, rate) in new[] { ("EUR", 0.92m), ("AUD", 1.52m), ("BRL", 5.40m), ("GBP", 0.79m) })
            {
                db.FxRates.Add(new Spm.Domain.Currency.FxRate(tenantId, "USD", currency, rate, new DateOnly(2020, 1, 1)));
            }
        }

        var boards = db.Set<LeaderboardDefinition>();
        if (!await boards.IgnoreQueryFilters().AnyAsync(b => b.TenantId == tenantId, cancellationToken))
        {
            Board(tenantId, BoardKeys[0], "Revenue this month", LiveMetric.CreditedRevenue, LeaderboardWindow.Month, LeaderboardSubject.Participants, now);
            Board(tenantId, BoardKeys[1], "Deals won today", LiveMetric.DealsWon, LeaderboardWindow.Day, LeaderboardSubject.Participants, now);
            Board(tenantId, BoardKeys[2], "Calls this week", LiveMetric.Calls, LeaderboardWindow.Week, LeaderboardSubject.Participants, now);
            Board(tenantId, BoardKeys[3], "Team revenue this quarter", LiveMetric.CreditedRevenue, LeaderboardWindow.Quarter, LeaderboardSubject.Teams, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void Board(Guid tenantId, string key, string title, LiveMetric metric, LeaderboardWindow window, LeaderboardSubject subject, DateTimeOffset now)
    {
        var board = new LeaderboardDefinition(Guid.CreateVersion7(now), tenantId, key, now);
        board.Define(title, [new WeightedMetric(metric, 1m)], window, LeaderboardScope.Company, null, subject, 10, now);
        db.Set<LeaderboardDefinition>().Add(board);
    }
}
