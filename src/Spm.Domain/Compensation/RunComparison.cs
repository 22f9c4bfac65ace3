namespace Spm.Domain.Compensation;

/// <summary>
/// Two calculations of the same period side by side: per participant and in total per currency, what the second
/// (e.g. an unpublished plan version, a what-if) pays against the first (e.g. the published plan).
/// </summary>
public sealed record RunComparison
{
    public required IReadOnlyList<ParticipantComparison> Participants { get; init; }

    /// <summary>Total payout of the first run per currency.</summary>
    public required IReadOnlyDictionary<string, decimal> BaselineByCurrency { get; init; }

    /// <summary>Total payout of the second run per currency.</summary>
    public required IReadOnlyDictionary<string, decimal> CandidateByCurrency { get; init; }

    /// <summary>
    /// Compares by participant id. A participant in only one run counts as paying zero in the other; a
    /// participant paid in different currencies by the two runs is refused (the difference would mean nothing).
    /// </summary>
    public static RunComparison Compare(CompensationResult baseline, CompensationResult candidate)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        var before = baseline.Participants.ToDictionary(p => p.ParticipantId);
        var after = candidate.Participants.ToDictionary(p => p.ParticipantId);
        var rows = new List<ParticipantComparison>();
        foreach (var id in before.Keys.Union(after.Keys).Order())
        {
            var b = before.GetValueOrDefault(id);
            var a = after.GetValueOrDefault(id);
            var currency = (a ?? b)!.Currency;
            if (a is not null && b is not null && !string.Equals(a.Currency, b.Currency, StringComparison.Ordinal))
            {
                throw new Common.DomainException("COMP_COMPARISON_CURRENCY", $"Participant {id} is paid in {b.Currency} by one run and {a.Currency} by the other.", "candidate");
            }

            rows.Add(new ParticipantComparison(id, currency, b?.Payout ?? 0m, a?.Payout ?? 0m, b?.Earnings ?? 0m, a?.Earnings ?? 0m));
        }

        return new RunComparison
        {
            Participants = rows,
            BaselineByCurrency = baseline.PayoutByCurrency,
            CandidateByCurrency = candidate.PayoutByCurrency,
        };
    }
}
