using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spm.Api.Auth;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Infrastructure.Compensation;
using Spm.Infrastructure.Persistence;
using Spm.Infrastructure.Tenancy;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// `calculationRunProgress(runId)`: the run as it is now, then again whenever its status or progress moves, until
/// it completes or fails. It reads the run's row (the truth, whichever node computes it), so it works across
/// API nodes without any shared memory.
/// </summary>
public static class CalculationRunSubscriptions
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static void Register(ObjectGraphType subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var field = subscription.Field<NonNullGraphType<CalculationRunGraphType>>("calculationRunProgress")
            .Requires(Capability.ManageCompensation)
            .Description("A calculation run's progress: one event at once, one whenever `status` or `participantsDone` changes, and the stream completes after COMPLETED or FAILED. An unknown run is an error.")
            .Argument<NonNullGraphType<IdGraphType>>("runId", "Global id of the run.")
            .Resolve(c => c.Source);
        field.FieldType.StreamResolver = new SourceStreamResolver<CalculationRun>(c =>
        {
            var runId = GlobalId.TryDecode(c.GetArgument<string>("runId"), CalculationRunGraphType.TypeName)
                ?? throw new ExecutionError("`runId` is not the id of a calculation run.") { Code = "NOT_FOUND" };
            var tenant = c.RequestServices!.GetRequiredService<Caller>().RequireTenant();
            var dataSource = c.RequestServices!.GetRequiredService<NpgsqlDataSource>();
            var clock = c.RequestServices!.GetRequiredService<TimeProvider>();
            return new AsyncEnumerableObservable<CalculationRun>(ct => ProgressAsync(dataSource, clock, tenant, runId, ct));
        });
    }

    private static async IAsyncEnumerable<CalculationRun> ProgressAsync(NpgsqlDataSource dataSource, TimeProvider clock, Guid tenant, Guid runId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<SpmDbContext>().UseNpgsql(dataSource).Options;
        (CalculationRunStatus, int)? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            CalculationRun? run;
            await using (var db = new SpmDbContext(options, new FixedTenantContext(tenant)))
            {
                run = await db.CalculationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
            }

            if (run is null)
            {
                throw new ExecutionError("No calculation run has this id.") { Code = "NOT_FOUND" };
            }

            if (last != (run.Status, run.ParticipantsDone))
            {
                last = (run.Status, run.ParticipantsDone);
                yield return run;
            }

            if (run.Status is CalculationRunStatus.Completed or CalculationRunStatus.Failed)
            {
                yield break;
            }

            await Task.Delay(PollInterval, clock, cancellationToken);
        }
    }
}
