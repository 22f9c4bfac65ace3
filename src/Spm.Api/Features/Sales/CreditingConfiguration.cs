using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Api.Graph;
using Spm.Domain.Common;
using Spm.Domain.Crediting;
using Spm.Domain.Currency;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Sales;

/// <summary>
/// Root fields over what crediting computes with: exchange rates and the rule set. Changing either affects
/// sales recorded afterwards; existing credits stay as written (re-crediting writes adjustments, a later step).
/// </summary>
public static class CreditingConfiguration
{
    public const int MaxRates = 1_000;
    public const int MaxRules = 200;

    public static void RegisterQueries(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FxRateGraphType>>>>("fxRates")
            .Requires(Capability.ReadPerformance)
            .Description("The tenant's exchange-rate quotes by pair and date.")
            .ResolveAsync(async c =>
            {
                await using var db = await Contexts(c).CreateDbContextAsync(c.CancellationToken);
                var rates = await db.FxRates.AsNoTracking().ToListAsync(c.CancellationToken);
                return rates.OrderBy(r => r.FromCurrency, StringComparer.Ordinal).ThenBy(r => r.ToCurrency, StringComparer.Ordinal).ThenBy(r => r.EffectiveFrom).ToList();
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreditRuleGraphType>>>>("creditingRules")
            .Requires(Capability.ReadPerformance)
            .Description("The tenant's crediting rules in evaluation order.")
            .ResolveAsync(async c =>
            {
                await using var db = await Contexts(c).CreateDbContextAsync(c.CancellationToken);
                var rows = await db.CreditingRules.AsNoTracking().ToListAsync(c.CancellationToken);
                return new CreditRuleSet(c.RequestServices!.GetRequiredService<Caller>().RequireTenant(), rows.Select(CreditingRules.ToDomain)).Rules;
            });
    }

    public static void RegisterMutations(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<SetFxRatesPayloadGraphType>>("setFxRates")
            .Requires(Capability.ManageCrediting)
            .Description("Adds exchange-rate quotes, replacing a pair's quote on the same date. Sales recorded afterwards convert with them. All or nothing, audited.")
            .Argument<NonNullGraphType<SetFxRatesInputGraphType>>("input", "The quotes.")
            .ResolveAsync(async c => await SetRatesAsync(c));
        mutation.Field<NonNullGraphType<SetCreditingRulesPayloadGraphType>>("setCreditingRules")
            .Requires(Capability.ManageCrediting)
            .Description("Replaces the tenant's crediting rules with the given set. Sales recorded afterwards are credited by it; stored credits are not rewritten. All or nothing, audited.")
            .Argument<NonNullGraphType<SetCreditingRulesInputGraphType>>("input", "The complete rule set.")
            .ResolveAsync(async c => await SetRulesAsync(c));
    }

    private static IDbContextFactory<SpmDbContext> Contexts(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>();

    private static List<IReadOnlyDictionary<string, object?>> Rows(IResolveFieldContext context, string list) =>
        (context.GetArgument<Dictionary<string, object?>>("input").GetValueOrDefault(list) as IEnumerable<object?>)?.Select(o => o as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>()).ToList() ?? [];

    private static UserError Error(string list, int index, DomainException ex) =>
        SalesWriter.RowError(list, new Infrastructure.Sales.RowError(index, ex.Field ?? string.Empty, ex.Code, ex.Message));

    private static async Task<SetFxRatesPayload> SetRatesAsync(IResolveFieldContext context)
    {
        var rows = Rows(context, "rates");
        if (rows.Count is 0 or > MaxRates)
        {
            return new SetFxRatesPayload([], [new UserError("VALIDATION", $"Send 1 to {MaxRates} rates; {rows.Count} were sent.", ["input", "rates"])]);
        }

        var tenantId = context.RequestServices!.GetRequiredService<Caller>().RequireTenant();
        var rates = new List<FxRate>();
        var errors = new List<UserError>();
        var seen = new HashSet<(string, string, DateOnly)>();
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                var rate = new FxRate(tenantId, rows[i].GetValueOrDefault("fromCurrency") as string ?? string.Empty, rows[i].GetValueOrDefault("toCurrency") as string ?? string.Empty, rows[i].GetValueOrDefault("rate") as decimal? ?? 0m, rows[i].GetValueOrDefault("effectiveFrom") as DateOnly? ?? default);
                if (!seen.Add((rate.FromCurrency, rate.ToCurrency, rate.EffectiveFrom)))
                {
                    throw new DomainException("FX_RATE_DUPLICATE", string.Create(CultureInfo.InvariantCulture, $"{rate.FromCurrency}/{rate.ToCurrency} is quoted twice effective {rate.EffectiveFrom:yyyy-MM-dd} in this input."), "effectiveFrom");
                }

                rates.Add(rate);
            }
            catch (DomainException ex)
            {
                errors.Add(Error("rates", i, ex));
            }
        }

        if (errors.Count > 0)
        {
            return new SetFxRatesPayload([], errors);
        }

        var audit = context.RequestServices!.GetRequiredService<AuditTrail>();
        await using var db = await Contexts(context).CreateDbContextAsync(context.CancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        foreach (var rate in rates)
        {
            var before = await db.FxRates.AsNoTracking().SingleOrDefaultAsync(r => r.FromCurrency == rate.FromCurrency && r.ToCurrency == rate.ToCurrency && r.EffectiveFrom == rate.EffectiveFrom, context.CancellationToken);
            if (before is not null)
            {
                await db.FxRates.Where(r => r.FromCurrency == rate.FromCurrency && r.ToCurrency == rate.ToCurrency && r.EffectiveFrom == rate.EffectiveFrom).ExecuteDeleteAsync(context.CancellationToken);
            }

            db.FxRates.Add(rate);
            audit.Record(db, "fxRate.set", "FxRate", string.Create(CultureInfo.InvariantCulture, $"{rate.FromCurrency}/{rate.ToCurrency}@{rate.EffectiveFrom:yyyy-MM-dd}"), before is null ? null : new { before.Rate }, new { rate.Rate });
        }

        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return new SetFxRatesPayload(rates, []);
    }

    private static async Task<SetCreditingRulesPayload> SetRulesAsync(IResolveFieldContext context)
    {
        var rows = Rows(context, "rules");
        if (rows.Count > MaxRules)
        {
            return new SetCreditingRulesPayload([], [new UserError("VALIDATION", $"Send at most {MaxRules} rules; {rows.Count} were sent.", ["input", "rules"])]);
        }

        var tenantId = context.RequestServices!.GetRequiredService<Caller>().RequireTenant();
        var rules = new List<CreditRule>();
        var errors = new List<UserError>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            try
            {
                var id = row.GetValueOrDefault("id") is string text
                    ? Guid.TryParse(text, out var parsed) ? parsed : throw new DomainException("ID_INVALID", $"'{text}' is not a rule id.", "id")
                    : Guid.CreateVersion7();
                rules.Add(new CreditRule(
                    id,
                    tenantId,
                    row.GetValueOrDefault("name") as string ?? string.Empty,
                    row.GetValueOrDefault("kind") as CreditRuleKind? ?? default,
                    row.GetValueOrDefault("order") as int? ?? 0,
                    row.GetValueOrDefault("effectiveFrom") as DateOnly? ?? default,
                    row.GetValueOrDefault("effectiveTo") as DateOnly?,
                    Strings(row, "products"),
                    Strings(row, "segments"),
                    row.GetValueOrDefault("overlayPercent") as decimal? ?? 100m,
                    Strings(row, "overlayRoles")));
            }
            catch (DomainException ex)
            {
                errors.Add(Error("rules", i, ex));
            }
        }

        CreditRuleSet set;
        try
        {
            set = new CreditRuleSet(tenantId, rules);
        }
        catch (DomainException ex)
        {
            errors.Add(new UserError(ex.Code, ex.Message, ["input", "rules"]));
            set = null!;
        }

        if (errors.Count > 0)
        {
            return new SetCreditingRulesPayload([], errors);
        }

        var audit = context.RequestServices!.GetRequiredService<AuditTrail>();
        var clock = context.RequestServices!.GetRequiredService<TimeProvider>();
        await using var db = await Contexts(context).CreateDbContextAsync(context.CancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var before = await db.CreditingRules.AsNoTracking().ToListAsync(context.CancellationToken);
        await db.CreditingRules.ExecuteDeleteAsync(context.CancellationToken);
        db.CreditingRules.AddRange(set.Rules.Select(r => CreditingRules.ToStored(r, clock.GetUtcNow())));
        audit.Record(db, "creditingRules.set", "CreditingRules", tenantId.ToString(), before.Select(r => new { r.Id, r.Name, r.Kind, r.Order, r.EffectiveFrom, r.EffectiveTo, r.Config }), set.Rules.Select(r => new { r.Id, r.Name, Kind = r.Kind.ToString(), r.Order, r.EffectiveFrom, r.EffectiveTo }));
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return new SetCreditingRulesPayload(set.Rules, []);
    }

    private static List<string>? Strings(IReadOnlyDictionary<string, object?> row, string field) =>
        (row.GetValueOrDefault(field) as IEnumerable<object?>)?.Select(o => o as string ?? string.Empty).ToList();
}
