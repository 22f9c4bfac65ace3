using System.Text.RegularExpressions;
using Spm.Domain.Common;
using Spm.Domain.Live;
using Spm.Domain.Organisation;

namespace Spm.Domain.Contests;

/// <summary>
/// A sales contest: a format, a metric, a schedule, who takes part and the prize of each place. Lives
/// SCHEDULED -> RUNNING -> ENDED, or CANCELLED from either of the first two. Its definition may change only while it
/// is scheduled, so a running contest never changes rules under the contestants' feet.
/// </summary>
public sealed partial class Contest : ITenantOwned
{
    public const int MaxPrizes = 20;
    public const int MaxPrizeLength = 200;
    public const int MaxTitleLength = 200;
    public const int MaxContestants = 10_000;

    // Stored as arrays; pairs flattened (first, second, first, second, ...) and baselines as two parallel arrays.
    private Guid[] participantIds = [];
    private Guid[] teamIds = [];
    private Guid[] pairIds = [];
    private string[] prizes = [];
    // Cash prizes as three parallel arrays (place, amount, currency), ordered by place.
    private int[] cashPlaces = [];
    private decimal[] cashAmounts = [];
    private string[] cashCurrencies = [];
    private Guid[] baselineSubjects = [];
    private decimal[] baselineScores = [];

    public Contest(Guid id, Guid tenantId, ContestDefinition definition, DateTimeOffset now)
    {
        Id = id;
        TenantId = tenantId;
        CreatedAt = now;
        Status = ContestStatus.Scheduled;
        Key = Title = string.Empty;
        Apply(definition, now);
    }

    // For EF Core.
    private Contest()
    {
        Key = Title = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>Tenant-unique slug; a display's AllowedBoards names contests by it.</summary>
    public string Key { get; private set; }

    public string Title { get; private set; }

    public ContestFormat Format { get; private set; }

    public LiveMetric Metric { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>Exclusive end instant.</summary>
    public DateTimeOffset EndsAt { get; private set; }

    public decimal? Goal { get; private set; }

    public DateOnly? BaselineStart { get; private set; }

    public DateOnly? BaselineEnd { get; private set; }

    public ContestScope Scope { get; private set; }

    public Guid? ScopeTeamId { get; private set; }

    /// <summary>Explicit contestants; empty means everyone in <see cref="Scope"/>.</summary>
    public IReadOnlyList<Guid> ParticipantIds => participantIds;

    /// <summary>The competing teams of a team-vs-team contest.</summary>
    public IReadOnlyList<Guid> TeamIds => teamIds;

    public IReadOnlyList<ContestPair> Pairs => [.. pairIds.Chunk(2).Select(p => new ContestPair(p[0], p[1]))];

    /// <summary>Prize text per place: index 0 is first place.</summary>
    public IReadOnlyList<string> Prizes => prizes;

    /// <summary>The money each place pays (a subset of places, ordered by place), paid as awards when the contest ends.</summary>
    public IReadOnlyList<ContestCashPrize> CashPrizes => [.. cashPlaces.Select((p, i) => new ContestCashPrize(p, cashAmounts[i], cashCurrencies[i]))];

    /// <summary>How many places have a prize (text or cash).</summary>
    public int PrizePlaces => Math.Max(prizes.Length, cashPlaces.Length == 0 ? 0 : cashPlaces[^1]);

    /// <summary>What place <paramref name="place"/> wins in words: its text, else its cash ("500 USD"), else null.</summary>
    public string? PrizeText(int place)
    {
        if (place >= 1 && place <= prizes.Length)
        {
            return prizes[place - 1];
        }

        var cash = Array.IndexOf(cashPlaces, place);
        // Stored with four decimals; shown with the currency's own ("300.00 USD", "5000 JPY").
        return cash >= 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{cashAmounts[cash].ToString("F" + CurrencyCode.MinorUnits(cashCurrencies[cash]), System.Globalization.CultureInfo.InvariantCulture)} {cashCurrencies[cash]}")
            : null;
    }

    /// <summary>Test mode: visible to admins only and never pushed to screens.</summary>
    public bool Hidden { get; private set; }

    public ContestStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Baseline score per subject, computed once at start (most-improved contests only).</summary>
    public IReadOnlyDictionary<Guid, decimal> Baselines => baselineSubjects.Zip(baselineScores).ToDictionary(p => p.First, p => p.Second);

    /// <summary>True when the contest ranks teams rather than participants.</summary>
    public bool RanksTeams => Format == ContestFormat.TeamVsTeam;

    /// <summary>Head-to-head opponent of <paramref name="participantId"/>, if any.</summary>
    public Guid? OpponentOf(Guid participantId) =>
        Pairs.Select(p => p.First == participantId ? p.Second : p.Second == participantId ? p.First : (Guid?)null).FirstOrDefault(o => o is not null);

    /// <summary>
    /// The business dates the contest counts, in the tenant's zone: from the local date of the start to the local date
    /// of the last instant before the end. Contributions carry a business date only (a credit's posting date), so a
    /// contest counts whole days; a contest meant to cover a day should start and end at local midnight.
    /// </summary>
    public (DateOnly From, DateOnly To) WindowDates(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return (LocalDate(StartsAt, zone), LocalDate(EndsAt.AddTicks(-1), zone));
    }

    /// <summary>Whether a contribution dated <paramref name="date"/> counts.</summary>
    public bool Counts(DateOnly date, TimeZoneInfo zone)
    {
        var (from, to) = WindowDates(zone);
        return date >= from && date <= to;
    }

    /// <summary>Replaces the definition; only before the start (field "startsAt" when too late).</summary>
    public void Update(ContestDefinition definition, DateTimeOffset now)
    {
        if (Status != ContestStatus.Scheduled || now >= StartsAt)
        {
            throw new DomainException("CONTEST_STARTED", "A contest can be edited only before it starts.", "key");
        }

        Apply(definition, now);
    }

    /// <summary>SCHEDULED -> RUNNING, with the baselines of a most-improved contest.</summary>
    public void Start(DateTimeOffset at, IReadOnlyDictionary<Guid, decimal> baselines)
    {
        ArgumentNullException.ThrowIfNull(baselines);
        Require(ContestStatus.Scheduled, "start");
        Status = ContestStatus.Running;
        StartedAt = at;
        baselineSubjects = [.. baselines.Keys.Order()];
        baselineScores = [.. baselineSubjects.Select(s => baselines[s])];
    }

    /// <summary>RUNNING -> ENDED; the caller freezes the standings in the same transaction.</summary>
    public void End(DateTimeOffset at)
    {
        Require(ContestStatus.Running, "end");
        Status = ContestStatus.Ended;
        EndedAt = at;
    }

    /// <summary>SCHEDULED or RUNNING -> CANCELLED; no winners.</summary>
    public void Cancel(DateTimeOffset at)
    {
        if (Status is not (ContestStatus.Scheduled or ContestStatus.Running))
        {
            throw new DomainException("CONTEST_CLOSED", $"The contest is already {Status.ToString().ToUpperInvariant()}.", "id");
        }

        Status = ContestStatus.Cancelled;
        CancelledAt = at;
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private void Require(ContestStatus status, string action)
    {
        if (Status != status)
        {
            throw new DomainException("CONTEST_STATE", $"Cannot {action} a {Status.ToString().ToUpperInvariant()} contest.", "id");
        }
    }

    private void Apply(ContestDefinition d, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(d);
        var key = (d.Key ?? string.Empty).Trim();
        if (!KeyPattern().IsMatch(key))
        {
            throw new DomainException("KEY_INVALID", "key must be 2 to 64 lower-case letters, digits or dashes, starting with a letter or digit.", "key");
        }

        var title = Guard.NotBlank(d.Title, "title", MaxTitleLength);
        if (!Enum.IsDefined(d.Metric))
        {
            throw new DomainException("REQUIRED", "metric is required.", "metric");
        }

        if (d.EndsAt <= d.StartsAt)
        {
            throw new DomainException("END_BEFORE_START", "endsAt must be after startsAt.", "endsAt");
        }

        if (d.EndsAt <= now)
        {
            throw new DomainException("IN_THE_PAST", "The contest would already be over.", "endsAt");
        }

        if (d.Goal is { } goal && goal <= 0)
        {
            throw new DomainException("GOAL_INVALID", "goal must be positive.", "goal");
        }

        var participants = Distinct(d.ParticipantIds ?? [], "participantIds");
        var teams = Distinct(d.TeamIds ?? [], "teamIds");
        var pairs = d.Pairs ?? [];
        decimal? keptGoal = null;
        DateOnly? baselineStart = null, baselineEnd = null;
        switch (d.Format)
        {
            case ContestFormat.RaceToGoal:
                keptGoal = d.Goal ?? throw new DomainException("GOAL_REQUIRED", "A race needs a goal.", "goal");
                break;
            case ContestFormat.TeamVsTeam:
                if (teams.Length < 2)
                {
                    throw new DomainException("TEAMS_REQUIRED", "A team contest needs at least two teams.", "teamIds");
                }

                RefuseAbsolute(d.Metric, "Team scores are sums");
                break;
            case ContestFormat.MostImproved:
                baselineStart = d.BaselineStart ?? throw new DomainException("BASELINE_REQUIRED", "A most-improved contest needs a baseline period.", "baselineStart");
                baselineEnd = d.BaselineEnd ?? throw new DomainException("BASELINE_REQUIRED", "A most-improved contest needs a baseline period.", "baselineEnd");
                if (baselineEnd < baselineStart)
                {
                    throw new DomainException("BASELINE_INVALID", "baselineEnd must not be before baselineStart.", "baselineEnd");
                }

                if (baselineEnd.Value.ToDateTime(TimeOnly.MinValue) >= d.StartsAt.UtcDateTime.Date)
                {
                    throw new DomainException("BASELINE_INVALID", "The baseline period must end before the contest starts.", "baselineEnd");
                }

                RefuseAbsolute(d.Metric, "Improvement is a difference of sums");
                break;
            case ContestFormat.HeadToHead:
                if (pairs.Count == 0)
                {
                    throw new DomainException("PAIRS_REQUIRED", "A head-to-head contest needs at least one pair.", "pairs");
                }

                var seen = new HashSet<Guid>();
                for (var i = 0; i < pairs.Count; i++)
                {
                    if (pairs[i].First == pairs[i].Second)
                    {
                        throw new DomainException("PAIR_INVALID", "A pair needs two different participants.", $"pairs.{i}");
                    }

                    if (!seen.Add(pairs[i].First) || !seen.Add(pairs[i].Second))
                    {
                        throw new DomainException("PAIR_INVALID", "A participant may be in one pair only.", $"pairs.{i}");
                    }
                }

                break;
            case ContestFormat.TopN:
                break;
            default:
                throw new DomainException("REQUIRED", "format is required.", "format");
        }

        if (d.Format != ContestFormat.TeamVsTeam && teams.Length > 0)
        {
            throw new DomainException("TEAMS_UNEXPECTED", "Only a team contest lists teams; use scope TEAM to limit a contest to one team.", "teamIds");
        }

        if (d.Format == ContestFormat.HeadToHead && participants.Length > 0)
        {
            throw new DomainException("PARTICIPANTS_UNEXPECTED", "A head-to-head contest takes its contestants from its pairs.", "participantIds");
        }

        if (d.Scope == ContestScope.Team && d.ScopeTeamId is null)
        {
            throw new DomainException("TEAM_REQUIRED", "scope TEAM needs scopeTeamId.", "scopeTeamId");
        }

        var prizeList = (d.Prizes ?? []).ToList();
        if (prizeList.Count > MaxPrizes)
        {
            throw new DomainException("TOO_MANY", $"At most {MaxPrizes} prizes.", "prizes");
        }

        var cash = CashPrizeList(d.CashPrizes ?? [], d.Format);

        Key = key;
        Title = title;
        Format = d.Format;
        Metric = d.Metric;
        // PostgreSQL timestamptz takes UTC only; the instant is what matters, the caller's offset is not kept.
        StartsAt = d.StartsAt.ToUniversalTime();
        EndsAt = d.EndsAt.ToUniversalTime();
        Goal = keptGoal ?? (d.Format == ContestFormat.TopN ? null : d.Goal);
        BaselineStart = baselineStart;
        BaselineEnd = baselineEnd;
        Scope = d.Scope == ContestScope.Team ? ContestScope.Team : ContestScope.Company;
        ScopeTeamId = Scope == ContestScope.Team ? d.ScopeTeamId : null;
        participantIds = participants;
        teamIds = teams;
        pairIds = [.. pairs.SelectMany(p => new[] { p.First, p.Second })];
        prizes = [.. prizeList.Select((p, i) => Guard.NotBlank(p, $"prizes.{i}", MaxPrizeLength))];
        Hidden = d.Hidden;
        cashPlaces = [.. cash.Select(c => c.Place)];
        cashAmounts = [.. cash.Select(c => c.Amount)];
        cashCurrencies = [.. cash.Select(c => c.Currency)];
    }

    private static List<ContestCashPrize> CashPrizeList(IReadOnlyList<ContestCashPrize> cash, ContestFormat format)
    {
        if (cash.Count > 0 && format == ContestFormat.TeamVsTeam)
        {
            // A team wins, but statements are per person, and how a team shares money is a policy nobody has set.
            throw new DomainException("CASH_PRIZE_TEAM", "A team contest cannot pay cash prizes; describe the prize as text.", "cashPrizes");
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < cash.Count; i++)
        {
            var prize = cash[i];
            if (prize.Place < 1 || prize.Place > MaxPrizes)
            {
                throw new DomainException("PLACE_INVALID", $"place must be 1 to {MaxPrizes}.", $"cashPrizes.{i}.place");
            }

            if (format == ContestFormat.HeadToHead && prize.Place != 1)
            {
                throw new DomainException("PLACE_INVALID", "Head to head pays place 1 only (each pair's winner).", $"cashPrizes.{i}.place");
            }

            if (!seen.Add(prize.Place))
            {
                throw new DomainException("DUPLICATE", $"Place {prize.Place} is listed twice.", $"cashPrizes.{i}.place");
            }

            var currency = CurrencyCode.Require(prize.Currency, $"cashPrizes.{i}.currency");
            if (prize.Amount <= 0)
            {
                throw new DomainException("INVALID_AMOUNT", "amount must be positive.", $"cashPrizes.{i}.amount");
            }

            if (prize.Amount >= 1_000_000_000m || decimal.Round(prize.Amount, CurrencyCode.MinorUnits(currency)) != prize.Amount)
            {
                throw new DomainException("INVALID_AMOUNT", $"{prize.Amount} is not an amount of {currency} (at most {CurrencyCode.MinorUnits(currency)} decimals, below 1,000,000,000).", $"cashPrizes.{i}.amount");
            }
        }

        return [.. cash.OrderBy(c => c.Place)];
    }

    private static void RefuseAbsolute(LiveMetric metric, string why)
    {
        if (metric == LiveMetric.AttainmentPercent)
        {
            throw new DomainException("METRIC_INVALID", $"{why}; attainment percent cannot be added up.", "metric");
        }
    }

    private static Guid[] Distinct(IReadOnlyList<Guid> ids, string field)
    {
        if (ids.Count > MaxContestants)
        {
            throw new DomainException("TOO_MANY", $"At most {MaxContestants} entries.", field);
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!seen.Add(ids[i]))
            {
                throw new DomainException("DUPLICATE", "Listed twice.", $"{field}.{i}");
            }
        }

        return [.. ids];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
