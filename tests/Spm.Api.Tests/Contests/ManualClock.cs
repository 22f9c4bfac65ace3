namespace Spm.Api.Tests.Contests;

/// <summary>A clock the test sets, to walk a contest through its start and end.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
