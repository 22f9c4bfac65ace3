using GraphQL.Types;

namespace Spm.GraphQL.AspNetCore.Tests.Infrastructure;

public sealed class TestSchema : Schema
{
    public TestSchema(IServiceProvider services)
        : base(services)
    {
        Query = new TestQuery();
        Mutation = new TestMutation();
        Subscription = new TestSubscription();
    }
}
