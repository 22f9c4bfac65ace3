using Spm.Domain.Common;

namespace Spm.Domain.Crediting;

/// <summary>
/// A tenant's crediting rules compiled for the hot loop: the calendar is cut at every date a rule starts or
/// ends, and each slice holds the rules effective in it, already ordered and split into first-pass rules and
/// roll-ups. Finding the rules for a sale is one binary search; nothing is filtered or sorted per sale.
/// Immutable, so one instance is shared by every thread.
/// </summary>
public sealed class CreditRuleSet
{
    private readonly DateOnly[] starts;
    private readonly Slice[] slices;

    public CreditRuleSet(Guid tenantId, IEnumerable<CreditRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        TenantId = tenantId;
        var all = rules.ToArray();
        var ids = new HashSet<Guid>();
        foreach (var rule in all)
        {
            if (rule.TenantId != tenantId)
            {
                throw new DomainException("CREDIT_RULE_WRONG_TENANT", $"Rule '{rule.Name}' belongs to another tenant.", "tenantId");
            }

            if (!ids.Add(rule.Id))
            {
                throw new DomainException("CREDIT_RULE_DUPLICATE", $"Rule {rule.Id} is listed twice.", "id");
            }
        }

        Array.Sort(all, (a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.Id.CompareTo(b.Id));
        Rules = all;

        // Slice boundaries: every start, and the day after every end.
        var cuts = new SortedSet<DateOnly>();
        foreach (var rule in all)
        {
            cuts.Add(rule.EffectiveFrom);
            if (rule.EffectiveTo is { } end && end < DateOnly.MaxValue)
            {
                cuts.Add(end.AddDays(1));
            }
        }

        starts = [.. cuts];
        slices = new Slice[starts.Length];
        for (var i = 0; i < starts.Length; i++)
        {
            var day = starts[i];
            var active = all.Where(r => r.IsEffectiveOn(day)).ToArray();
            slices[i] = new Slice(
                active.Where(r => r.Kind != CreditRuleKind.Rollup).Select(CompiledRule.From).ToArray(),
                active.Where(r => r.Kind == CreditRuleKind.Rollup).Select(CompiledRule.From).ToArray());
        }
    }

    public Guid TenantId { get; }

    /// <summary>Every rule, in evaluation order.</summary>
    public IReadOnlyList<CreditRule> Rules { get; }

    /// <summary>The rules effective on <paramref name="date"/>, first-pass and roll-up, in order.</summary>
    internal Slice At(DateOnly date)
    {
        var index = Array.BinarySearch(starts, date);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return index < 0 ? Slice.Empty : slices[index];
    }

    internal sealed class Slice(CompiledRule[] firstPass, CompiledRule[] rollups)
    {
        public static readonly Slice Empty = new([], []);

        public CompiledRule[] FirstPass { get; } = firstPass;

        public CompiledRule[] Rollups { get; } = rollups;
    }
}
