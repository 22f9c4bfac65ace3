namespace Spm.Domain.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Guid_v7_is_time_ordered() => Assert.Equal(7, Guid.CreateVersion7().Version);
}
