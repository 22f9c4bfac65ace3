namespace Spm.Api.Tests.Infrastructure;

/// <summary>A clock stopped at one instant, so dated seed data is the same on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
