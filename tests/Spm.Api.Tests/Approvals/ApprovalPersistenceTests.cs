using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Infrastructure;
using Spm.Api.Tests.Quotas;
using Spm.Domain.Approvals;

namespace Spm.Api.Tests.Approvals;

public sealed class ApprovalPersistenceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset At = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_stored_request_round_trips_its_steps_decisions_and_history_for_any_subject_kind()
    {
        var org = await PlanningOrg.CreateAsync(fixture);
        var id = Guid.CreateVersion7();
        var subject = new ApprovalSubject("payout", Guid.CreateVersion7());
        await using (var db = fixture.CreateContext(org.TenantId))
        {
            var request = ApprovalRequest.Create(subject, org.Reps["N1"], [org.Nora, org.Vp]).Submit(org.Reps["N1"], At);
            db.ApprovalRequests.Add(new ApprovalRecord(id, org.TenantId, request, "A payout", "rep-n1", At));
            await db.SaveChangesAsync();
        }

        await using (var db = fixture.CreateContext(org.TenantId))
        {
            var record = await db.ApprovalRequests.SingleAsync(a => a.Id == id);
            Assert.Equal(org.Nora, record.CurrentApprover);
            record.Apply(record.ToRequest().Approve(org.Nora, At.AddHours(1), comment: "fine"), "nora", At.AddHours(1));
            await db.SaveChangesAsync();
        }

        await using (var db = fixture.CreateContext(org.TenantId))
        {
            var record = await db.ApprovalRequests.SingleAsync(a => a.Id == id);
            Assert.Equal(("payout", subject.Id, ApprovalState.Submitted, 1), (record.SubjectKind, record.SubjectId, record.State, record.CurrentStep));
            Assert.Equal(org.Vp, record.CurrentApprover);
            Assert.Equal([0, 1], record.Steps.OrderBy(s => s.Step).Select(s => s.Step));
            var first = record.Steps.Single(s => s.Step == 0);
            Assert.Equal((ApprovalAction.Approved, org.Nora, "fine"), (first.Decision!.Value, first.DecidedBy!.Value, first.Comment!));
            Assert.Null(record.Steps.Single(s => s.Step == 1).Decision);
            Assert.Equal([ApprovalAction.Submitted, ApprovalAction.Approved], record.Events.OrderBy(e => e.Sequence).Select(e => e.Action));
            Assert.Equal(["rep-n1", "nora"], record.Events.OrderBy(e => e.Sequence).Select(e => e.ActorName));
        }

        // Another tenant sees nothing.
        await using (var other = fixture.CreateContext(Guid.CreateVersion7()))
        {
            Assert.False(await other.ApprovalRequests.AnyAsync());
        }
    }
}
