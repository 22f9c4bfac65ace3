using System.Globalization;
using Spm.Infrastructure.Compensation;

namespace Spm.Api.Tests.Compensation;

/// <summary>Live earnings' threads: lower priority on Linux, and async work stays on them across awaits.</summary>
public sealed class BackgroundSchedulerTests
{
    [Fact]
    public async Task Work_runs_at_the_given_nice_value_and_its_continuations_stay_on_the_scheduler()
    {
        using var scheduler = new BackgroundScheduler("test-background", 1, 7);
        var seen = await scheduler.RunAsync(async () =>
        {
            var before = (Thread.CurrentThread.Name, Nice());
            await Task.Delay(20);
            var after = (Thread.CurrentThread.Name, Nice());
            return (before, after);
        });

        Assert.True(OperatingSystem.IsLinux(), "the project runs on Linux; the nice value is read from /proc");
        Assert.Equal(1, scheduler.Lowered);
        Assert.Equal(("test-background", 7), seen.before);
        // After the await the method resumes on the scheduler's thread, not the thread pool's (which runs at nice 0).
        Assert.Equal(("test-background", 7), seen.after);
        Assert.Equal(0, Nice());
    }

    [Fact]
    public async Task A_failure_reaches_the_caller_and_the_thread_goes_on()
    {
        using var scheduler = new BackgroundScheduler("test-background", 1, 5);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => scheduler.Run<int>(() => throw new InvalidOperationException("row 3")));
        Assert.Equal("row 3", failure.Message);
        Assert.Equal(42, await scheduler.Run(() => 42));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 0)]
    [InlineData(1, 20)]
    public void Out_of_range_settings_are_refused(int threads, int niceness) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackgroundScheduler("test-background", threads, niceness));

    // Field 19 of /proc/thread-self/stat is the calling thread's nice value (after the command name in parentheses).
    private static int Nice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }
}
