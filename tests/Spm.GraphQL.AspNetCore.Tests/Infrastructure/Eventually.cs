namespace Spm.GraphQL.AspNetCore.Tests.Infrastructure;

/// <summary>Waits for a condition with a generous bound; never asserts how long it took.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting until " + because);
            await Task.Delay(10);
        }
    }
}
