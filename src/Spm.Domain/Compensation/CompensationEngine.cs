using Spm.Domain.Common;

namespace Spm.Domain.Compensation;

/// <summary>
/// The incentive compensation engine: pure, in memory, deterministic. The same input gives the same statements
/// whatever the order of its lists, and participants are independent, so a run calculates them in parallel.
/// </summary>
/// <remarks>
/// Rounding: every statement line is rounded to the minor unit of the pay currency, half away from zero, from
/// its exact basis x rate; totals are sums of rounded lines and are never rounded again. Credits in another
/// currency are converted at their posting date and rounded once each, so the basis a rep sees is the sum of the
/// converted credits they can check.
/// </remarks>
public static class CompensationEngine
{
    /// <summary>Statements for every participant with an assignment in the period (or those of <see cref="CompensationInput.Participants"/>).</summary>
    public static CompensationResult Calculate(CompensationInput input)
    {
        var ctx = new EngineContext(input);
        var participants = ctx.Participants;
        var positions = new Dictionary<Guid, int>(participants.Length);
        for (var i = 0; i < participants.Length; i++)
        {
            positions[participants[i]] = i;
        }

        // Bucket the credits' positions by participant (a counting sort), so each participant reads one contiguous
        // range of the index; the credits themselves are not copied when they already come as an array.
        var credits = input.Credits as CompCredit[] ?? [.. input.Credits];
        var slot = new int[credits.Length];
        var counts = new int[participants.Length + 1];
        for (var i = 0; i < credits.Length; i++)
        {
            slot[i] = positions.TryGetValue(credits[i].ParticipantId, out var p) ? p : -1;
            if (slot[i] >= 0)
            {
                counts[slot[i] + 1]++;
            }
        }

        for (var p = 0; p < participants.Length; p++)
        {
            counts[p + 1] += counts[p];
        }

        var starts = (int[])counts.Clone();
        var index = new int[counts[participants.Length]];
        for (var i = 0; i < credits.Length; i++)
        {
            if (slot[i] >= 0)
            {
                index[starts[slot[i]]++] = i;
            }
        }

        var results = new ParticipantResult?[participants.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = input.MaxDegreeOfParallelism };
        Parallel.For(0, participants.Length, options, p =>
            results[p] = ParticipantCalculation.Run(ctx, participants[p], credits, index, counts[p], counts[p + 1] - counts[p]));

        var statements = new List<ParticipantResult>(participants.Length);
        var byCurrency = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            if (result is null)
            {
                continue;
            }

            statements.Add(result);
            byCurrency[result.Currency] = byCurrency.GetValueOrDefault(result.Currency) + result.Payout;
        }

        return new CompensationResult
        {
            Period = input.Period,
            Participants = statements,
            PayoutByCurrency = byCurrency,
            CreditsRead = index.Length,
        };
    }

    /// <summary>Who a calculation of <paramref name="input"/> gives a statement: an assignment or an award in the period, by id.</summary>
    public static IReadOnlyList<Guid> ParticipantsOf(CompensationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new EngineContext(input).Participants;
    }

    /// <summary>One participant's statement; null when they have neither an assignment nor an award in the period.</summary>
    public static ParticipantResult? CalculateParticipant(CompensationInput input, Guid participantId)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ctx = new EngineContext(input with { Participants = [participantId] });
        var credits = input.Credits.Where(c => c.ParticipantId == participantId).ToArray();
        return ParticipantCalculation.Run(ctx, participantId, credits);
    }

    /// <summary>What <paramref name="deal"/> would pay <paramref name="participantId"/> in the input's period, given the credits so far.</summary>
    /// <remarks>
    /// The deal is credited in full to the participant as a credit of <see cref="DealScenario.Type"/> posting on its
    /// close date, which must fall in the period (<c>COMP_ESTIMATE_OUTSIDE_PERIOD</c> otherwise); a participant with
    /// no plan in the period is refused with <c>COMP_NO_ASSIGNMENT</c>.
    /// </remarks>
    public static DealEstimate Estimate(CompensationInput input, Guid participantId, DealScenario deal)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(deal);
        if (!input.Period.Contains(deal.CloseDate))
        {
            throw new DomainException("COMP_ESTIMATE_OUTSIDE_PERIOD", $"The deal closes on {deal.CloseDate:yyyy-MM-dd}, outside the period {input.Period} being estimated.", "closeDate");
        }

        CurrencyCode.Require(deal.Currency, "currency");
        var ctx = new EngineContext(input with { Participants = [participantId] });
        var credits = input.Credits.Where(c => c.ParticipantId == participantId).ToArray();
        var before = ParticipantCalculation.Run(ctx, participantId, credits)
            ?? throw new DomainException("COMP_NO_ASSIGNMENT", $"Participant {participantId} has no compensation plan in {input.Period}.", "participantId");
        var hypothetical = new CompCredit
        {
            // The largest id sorts the deal after every real credit of its day: it is the next deal.
            CreditId = Guid.AllBitsSet,
            ParticipantId = participantId,
            SaleId = Guid.AllBitsSet,
            Type = deal.Type,
            Amount = deal.Amount,
            Currency = deal.Currency,
            Product = deal.Product,
            Segment = deal.Segment,
            Quantity = deal.Quantity,
            CloseDate = deal.CloseDate,
            PostingDate = deal.CloseDate,
        };
        var after = ParticipantCalculation.Run(ctx, participantId, [.. credits, hypothetical])!;
        return new DealEstimate
        {
            ParticipantId = participantId,
            Currency = before.Currency,
            EarningsBefore = before.Earnings,
            EarningsAfter = after.Earnings,
            AttainmentBefore = before.Attainment,
            AttainmentAfter = after.Attainment,
            With = after,
        };
    }
}
