using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Spm.Api.Auth;
using Spm.Api.Graph;

namespace Spm.Api.Features.Live;

/// <summary>Root subscription fields of the live feature: the server's clock, and the pushes (<see cref="LivePushSubscriptions"/>).</summary>
public static class LiveSubscriptions
{
    public const int MinIntervalSeconds = 1;
    public const int MaxIntervalSeconds = 3600;

    public static void Register(ObjectGraphType subscription, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(clock);
        var field = subscription.Field<NonNullGraphType<DateTimeGraphType>>("serverClock")
            .Requires(Capability.Self)
            .Description(
                "The server's current UTC instant, one event immediately, then one every `intervalSeconds`. Screens use it to run contest "
                + "countdowns in server time, whatever their own clock says.")
            .Argument<IntGraphType>("intervalSeconds", arg =>
            {
                arg.Description = $"Seconds between two events, {MinIntervalSeconds} to {MaxIntervalSeconds}.";
                arg.DefaultValue = 1;
            })
            .Resolve(c => c.Source);
        LivePushSubscriptions.Register(subscription);
        // The source stream: each tick is one event, resolved by the field resolver above.
        field.FieldType.StreamResolver = new SourceStreamResolver<DateTime>(c =>
        {
            // Checked when subscribing, so a bad argument is an error before any event.
            var interval = Interval(c);
            return new AsyncEnumerableObservable<DateTime>(cancellationToken => TicksAsync(clock, interval, cancellationToken));
        });
    }

    private static TimeSpan Interval(IResolveFieldContext context)
    {
        var seconds = context.GetArgument("intervalSeconds", 1);
        return seconds is < MinIntervalSeconds or > MaxIntervalSeconds
            ? throw new ExecutionError($"`intervalSeconds` must be between {MinIntervalSeconds} and {MaxIntervalSeconds}; it was {seconds}.") { Code = "INVALID_ARGUMENT" }
            : TimeSpan.FromSeconds(seconds);
    }

    private static async IAsyncEnumerable<DateTime> TicksAsync(TimeProvider clock, TimeSpan interval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A first value at once: a screen that just connected should not wait a whole interval.
        yield return clock.GetUtcNow().UtcDateTime;
        // PeriodicTimer on the TimeProvider: no drift from awaiting Delay in a loop, and tests can drive time.
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            yield return clock.GetUtcNow().UtcDateTime;
        }
    }
}
