using System.Diagnostics;
using System.Globalization;

namespace Spm.Bench;

/// <summary>What a suite may use: the servers `./spm bench` started, and a uniform report.</summary>
internal sealed class BenchContext
{
    /// <summary>PostgreSQL connection string of a bench-only database (SPM_BENCH_POSTGRES), or null.</summary>
    public string? Postgres { get; } = Environment.GetEnvironmentVariable("SPM_BENCH_POSTGRES");

    /// <summary>Redis configuration (SPM_BENCH_REDIS), or null.</summary>
    public string? Redis { get; } = Environment.GetEnvironmentVariable("SPM_BENCH_REDIS");

    /// <summary>Extra arguments after the suite's name.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public string RequirePostgres() => Postgres ?? throw new InvalidOperationException("SPM_BENCH_POSTGRES is not set: run through ./spm bench.");

    public string RequireRedis() => Redis ?? throw new InvalidOperationException("SPM_BENCH_REDIS is not set: run through ./spm bench.");

    /// <summary>Prints one result line: what, the figure, its unit and an optional note (target, ratio).</summary>
    public static void Report(string what, double value, string unit, string note = "") =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-58} {value,14:N1} {unit,-10} {note}"));

    /// <summary>
    /// Waits until <paramref name="clock"/> reads <paramref name="due"/> (at once when it is past). The clock is read
    /// once: checked and then read again, the wait could come out negative, and <c>Task.Delay</c> throws on that.
    /// </summary>
    public static Task WaitUntilAsync(Stopwatch clock, TimeSpan due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var wait = due - clock.Elapsed;
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Times <paramref name="action"/> once after a warm-up run.</summary>
    public static TimeSpan Time(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        action();
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }
}
