using GraphQL.Types;

namespace Spm.GraphQL.AspNetCore.Tests.Infrastructure;

public sealed class TestMutation : ObjectGraphType
{
    private static int s_counter;

    public TestMutation()
    {
        Name = "Mutation";
        Field<IntGraphType>("increment").Resolve(_ => Interlocked.Increment(ref s_counter));
    }
}
