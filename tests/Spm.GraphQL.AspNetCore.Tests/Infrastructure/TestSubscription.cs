using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Spm.GraphQL.AspNetCore.Tests.Infrastructure;

public sealed class TestSubscription : ObjectGraphType
{
    public TestSubscription()
    {
        Name = "Subscription";
        Field<StringGraphType, string>("events")
            .ResolveStream(ctx => ctx.RequestServices!.GetRequiredService<EventSource>())
            .Resolve(ctx => (string?)ctx.Source);
    }
}
