using System.Diagnostics.Metrics;

namespace Spm.Infrastructure.Live;

/// <summary>
/// The dispatcher's health as OpenTelemetry instruments (meter <c>Spm.Live.Dispatcher</c>, exported with the other
/// <c>Spm.*</c> meters): events applied (throughput), lag from commit to apply, batch duration and failures.
/// </summary>
public sealed class DispatcherMetrics : IDisposable
{
    public const string MeterName = "Spm.Live.Dispatcher";

    private readonly Meter meter;

    public DispatcherMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        meter = meterFactory.Create(MeterName);
        Events = meter.CreateCounter<long>("spm.live.dispatcher.events", "{event}", "Outbox events applied to every projection and notified.");
        Lag = meter.CreateHistogram<double>("spm.live.dispatcher.lag", "s", "Time from an event's commit to its apply, per batch (its newest event).");
        BatchDuration = meter.CreateHistogram<double>("spm.live.dispatcher.batch.duration", "s", "Time to apply and notify one batch.");
        Failures = meter.CreateCounter<long>("spm.live.dispatcher.failures", "{batch}", "Batches that failed and will be retried with backoff.");
    }

    public Counter<long> Events { get; }

    public Histogram<double> Lag { get; }

    public Histogram<double> BatchDuration { get; }

    public Counter<long> Failures { get; }

    public void Dispose() => meter.Dispose();
}
