using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Api.Features.Sales;
using Spm.Api.Graph;
using Spm.Domain.Common;
using Spm.Domain.Compensation;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// The rep's estimator: "what would this deal pay me?", with the real plan, the credits so far in the deal's month
/// and the engine's Estimate (tier crossings, gates, caps, bonuses and SPIFFs included, as the difference of the
/// month's earnings without and with the deal).
/// </summary>
public static class DealEstimateQueries
{
    public static void Register(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<DealEstimateGraphType>("estimateDeal")
            .Requires(Capability.ReadEarnings)
            .Description("What a deal would pay: the earnings of the month it closes in without and with it, using the participant's real plans and credits so far. Yourself by default; a manager may ask for their team, finance and admin for anyone. Null for a participant you may not read.")
            .Argument<IdGraphType>("participantId", "Global id of the participant; yourself when omitted.")
            .Argument<NonNullGraphType<StringGraphType>>("amount", "The deal's amount, a decimal string.")
            .Argument<NonNullGraphType<StringGraphType>>("currency", "The deal's currency (ISO 4217).")
            .Argument<StringGraphType>("product", "The product, for product rates and SPIFFs.")
            .Argument<StringGraphType>("segment", "The segment, for segment rates.")
            .Argument<NonNullGraphType<CalendarDateGraphType>>("closeDate", "When it would close; decides the month and SPIFF windows.")
            .ResolveAsync(async c =>
            {
                var services = c.RequestServices!;
                var caller = services.GetRequiredService<Caller>();
                var participant = c.GetArgument<string?>("participantId") is { } text
                    ? GlobalId.TryDecode(text, ParticipantGraphType.TypeName)
                    : caller.ParticipantId;
                if (participant is not { } id || !await services.GetRequiredService<EarningsVisibility>().MayReadAsync(id, c.CancellationToken))
                {
                    return null;
                }

                var amount = DecimalStringGraphType.Parse(c.GetArgument<string>("amount"))
                    ?? throw new ExecutionError("`amount` is not a decimal number.") { Code = "NOT_A_NUMBER" };
                var currency = c.GetArgument<string>("currency");
                if (!CurrencyCode.IsValid(currency))
                {
                    throw new ExecutionError($"`currency` '{currency}' is not an ISO 4217 code.") { Code = "INVALID_CURRENCY" };
                }

                var closeDate = c.GetArgument<DateOnly>("closeDate");
                await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(c.CancellationToken);
                var month = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Kind == PeriodKind.Month && p.StartDate <= closeDate && p.EndDate >= closeDate, c.CancellationToken)
                    ?? throw new ExecutionError($"No fiscal month of the tenant contains {closeDate:yyyy-MM-dd}.") { Code = "PERIOD_MISSING" };
                try
                {
                    var input = await CompensationInputLoader.LoadAsync(db, new CompensationInputLoader.Request(month, [id], null), c.CancellationToken);
                    if (!input.Assignments.Any(a => a.ParticipantId == id))
                    {
                        throw new ExecutionError($"The participant is on no compensation plan in {month.Name}.") { Code = "COMP_NO_PLAN" };
                    }

                    var deal = new DealScenario { Amount = amount, Currency = currency, Product = c.GetArgument<string?>("product"), Segment = c.GetArgument<string?>("segment"), CloseDate = closeDate };
                    return CompensationEngine.Estimate(input, id, deal);
                }
                catch (DomainException ex)
                {
                    throw new ExecutionError(ex.Message) { Code = ex.Code };
                }
            });
    }
}

/// <summary>GraphQL shape of <see cref="DealEstimate"/>.</summary>
public sealed class DealEstimateGraphType : ObjectGraphType<DealEstimate>
{
    public DealEstimateGraphType()
    {
        Name = "DealEstimate";
        Description = "What a deal would pay: the month's earnings without and with it; the difference includes tier crossings, gates, caps, bonuses and SPIFFs.";
        Field<ParticipantGraphType>("participant").Description("The payee.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(c.Source.ParticipantId));
        Field<NonNullGraphType<MoneyGraphType>>("pays").Description("Earnings with the deal minus earnings without it.").Resolve(c => new MoneyValue(c.Source.Pays, c.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("earningsBefore").Description("The month's earnings so far.").Resolve(c => new MoneyValue(c.Source.EarningsBefore, c.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("earningsAfter").Description("The month's earnings with the deal.").Resolve(c => new MoneyValue(c.Source.EarningsAfter, c.Source.Currency));
        Field<DecimalStringGraphType>("attainmentBefore").Description("Attainment so far as a fraction; null without a quota.").Resolve(c => c.Source.AttainmentBefore);
        Field<DecimalStringGraphType>("attainmentAfter").Description("Attainment with the deal; null without a quota.").Resolve(c => c.Source.AttainmentAfter);
    }
}
