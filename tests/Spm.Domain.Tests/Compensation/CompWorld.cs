using Spm.Domain.Compensation;
using Spm.Domain.Crediting;
using Spm.Domain.Currency;

namespace Spm.Domain.Tests.Compensation;

/// <summary>Small builders for hand-worked compensation cases: one plan, a few credits, literal dates.</summary>
public static class CompWorld
{
    public static readonly Guid TenantId = Guid.Parse("00000000-0000-0000-0000-00000000a001");
    public static readonly Guid Rep = Guid.Parse("00000000-0000-0000-0000-000000000001");
    public static readonly Guid Manager = Guid.Parse("00000000-0000-0000-0000-000000000002");
    public static readonly Guid PlanId = Guid.Parse("00000000-0000-0000-0000-0000000000b1");

    public static readonly CompPeriod Jan = Month(2026, 1);
    public static readonly CompPeriod Feb = Month(2026, 2);
    public static readonly CompPeriod Mar = Month(2026, 3);
    public static readonly CompPeriod Apr = Month(2026, 4);
    public static readonly CompPeriod May = Month(2026, 5);

    public static CompPeriod Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new CompPeriod(start, start.AddMonths(1).AddDays(-1));
    }

    public static DateOnly D(int month, int day) => new(2026, month, day);

    public static CompPlan Plan(params PlanComponent[] components) => new()
    {
        PlanId = PlanId,
        Version = 1,
        Name = "Account executive 2026",
        EffectiveFrom = D(1, 1),
        Currency = "USD",
        Components = components,
    };

    public static CommissionComponent Commission(CommissionMethod method, params (decimal From, decimal Rate)[] tiers) => new()
    {
        Id = "commission",
        Name = "Commission",
        Method = method,
        RateTables = [new RateTable { Tiers = [.. tiers.Select(t => new RateTier(t.From, t.Rate))] }],
    };

    public static CommissionComponent Flat(decimal rate) => Commission(CommissionMethod.Marginal, (0m, rate));

    public static PlanAssignment Assign(Guid participant, CompPlan plan, DateOnly? from = null, DateOnly? to = null, decimal targetIncentive = 0m, string currency = "USD", int n = 1) => new()
    {
        AssignmentId = new Guid(n, 0xA5, 0, new byte[8]),
        ParticipantId = participant,
        PlanId = plan.PlanId,
        From = from ?? D(1, 1),
        To = to,
        TargetIncentive = targetIncentive,
        OnTargetEarnings = targetIncentive * 2,
        Currency = currency,
    };

    /// <summary>A credit whose id sorts by <paramref name="n"/>; its sale id is the same number.</summary>
    public static CompCredit Credit(
        int n,
        decimal amount,
        DateOnly posted,
        Guid? participant = null,
        CreditType type = CreditType.Direct,
        string currency = "USD",
        string? product = null,
        DateOnly? closed = null,
        DateOnly? cancelled = null,
        decimal quantity = 1m,
        int? sale = null) => new()
        {
            CreditId = new Guid(n, 0, 0, new byte[8]),
            ParticipantId = participant ?? Rep,
            SaleId = new Guid(sale ?? n, 0x5A, 0, new byte[8]),
            Type = type,
            Amount = amount,
            Currency = currency,
            Product = product,
            Quantity = quantity,
            CloseDate = closed ?? posted,
            PostingDate = posted,
            CancelledOn = cancelled,
        };

    public static Guid CreditId(int n) => new(n, 0, 0, new byte[8]);

    public static Guid SaleId(int n) => new(n, 0x5A, 0, new byte[8]);

    public static ParticipantQuota Quota(CompPeriod period, decimal amount, Guid? participant = null, string currency = "USD") =>
        new(participant ?? Rep, period.Start, period.End, amount, currency);

    public static CompensationInput Input(
        CompPeriod period,
        CompPlan plan,
        IEnumerable<CompCredit> credits,
        decimal? quota = null,
        PlanAssignment? assignment = null) => new()
        {
            Period = period,
            Plans = [plan],
            Assignments = [assignment ?? Assign(Rep, plan)],
            Credits = [.. credits],
            Quotas = quota is { } q ? [Quota(period, q)] : [],
        };

    public static FxRateTable Fx(params (string From, string To, decimal Rate, DateOnly Effective)[] rates) =>
        new(TenantId, "USD", rates.Select(r => new FxRate(TenantId, r.From, r.To, r.Rate, r.Effective)));

    public static ParticipantResult Statement(CompensationInput input, Guid? participant = null) =>
        CompensationEngine.CalculateParticipant(input, participant ?? Rep) ?? throw new InvalidOperationException("no statement");
}
