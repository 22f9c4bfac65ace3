using Spm.Domain.Common;
using Spm.Domain.Sales;

namespace Spm.Domain.Tests.Sales;

public sealed class SaleHistoryTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly Guid Ana = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_sale_goes_through_original_replay_amendment_cancellation_and_replayed_cancellation()
    {
        var original = SaleHistory.Record(null, Make(100m), Now);
        Assert.Equal((SaleChangeOutcome.Recorded, 1, SaleRevisionKind.Original), (original.Outcome, original.NewRevision!.Number, original.NewRevision.Kind));

        var replay = SaleHistory.Record(original.NewRevision, Make(100.00m), Now);
        Assert.Equal(SaleChangeOutcome.Replayed, replay.Outcome);
        Assert.Null(replay.NewRevision);
        Assert.False(replay.ChangesAnything);

        var amended = SaleHistory.Record(original.NewRevision, Make(120m), Now);
        Assert.Equal((SaleChangeOutcome.Amended, 2, 1), (amended.Outcome, amended.NewRevision!.Number, amended.Superseded!.Number));

        var cancelled = SaleHistory.Cancel(amended.NewRevision, amended.NewRevision.Key, Now);
        Assert.Equal((SaleChangeOutcome.Cancelled, 3, 2), (cancelled.Outcome, cancelled.NewRevision!.Number, cancelled.Superseded!.Number));
        Assert.Equal(120m, cancelled.NewRevision.Content.Amount);

        Assert.Equal(SaleChangeOutcome.Replayed, SaleHistory.Cancel(cancelled.NewRevision, amended.NewRevision.Key, Now).Outcome);
        // A late retry of the content that was cancelled changes nothing either.
        Assert.Equal(SaleChangeOutcome.Replayed, SaleHistory.Record(cancelled.NewRevision, Make(120m), Now).Outcome);
    }

    [Fact]
    public void Other_content_for_a_cancelled_sale_is_refused()
    {
        var original = SaleHistory.Record(null, Make(100m), Now).NewRevision!;
        var cancelled = SaleHistory.Cancel(original, original.Key, Now).NewRevision!;

        var ex = Assert.Throws<DomainException>(() => SaleHistory.Record(cancelled, Make(90m), Now));
        Assert.Equal(("SALE_CANCELLED", "externalId"), (ex.Code, ex.Field));
    }

    [Fact]
    public void Cancelling_an_unknown_sale_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => SaleHistory.Cancel(null, new SaleKey(Tenant, "crm", "S-9"), Now));
        Assert.Equal(("SALE_NOT_FOUND", "externalId"), (ex.Code, ex.Field));
    }

    private static Sale Make(decimal amount) =>
        new(Tenant, "crm", "S-1", amount, "USD", new DateOnly(2025, 3, 1), null, null, null, Ana);
}
