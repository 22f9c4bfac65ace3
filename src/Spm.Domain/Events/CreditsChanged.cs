using Spm.Domain.Crediting;

namespace Spm.Domain.Events;

/// <summary>
/// Credits moved because of one sale change or re-crediting: the per-participant deltas, netted (an amendment's
/// reversal and new credit for the same person show as their difference; zero deltas are left out).
/// </summary>
public sealed record CreditsChanged(
    Guid EventId,
    Guid TenantId,
    DateTimeOffset OccurredAt,
    string Source,
    string ExternalId,
    int Revision,
    string ReportingCurrency,
    IReadOnlyList<CreditDelta> Deltas) : IOutboxEvent
{
    public const string TypeName = "credits.changed";

    public string Type => TypeName;

    public int SchemaVersion => 1;

    /// <summary>Nets <paramref name="written"/> (the rows one change wrote) into deltas by participant, type and posting date.</summary>
    public static IReadOnlyList<CreditDelta> Summarise(IReadOnlyList<Credit> written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var sums = new Dictionary<(Guid, CreditType, DateOnly), decimal>();
        var order = new List<(Guid, CreditType, DateOnly)>();
        foreach (var credit in written)
        {
            var key = (credit.ParticipantId, credit.BaseType, credit.PostingDate);
            if (!sums.TryGetValue(key, out var sum))
            {
                order.Add(key);
            }

            sums[key] = sum + credit.ReportingAmount;
        }

        var deltas = new List<CreditDelta>(order.Count);
        foreach (var key in order)
        {
            if (sums[key] != 0)
            {
                deltas.Add(new CreditDelta(key.Item1, key.Item2, sums[key], key.Item3));
            }
        }

        return deltas;
    }
}
