using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Spm.GraphQL.AspNetCore.DataLoader;

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

public sealed class TestQuery : ObjectGraphType
{
    public TestQuery()
    {
        Name = "Query";
        Field<StringGraphType>("hello").Resolve(_ => "world");
        Field<StringGraphType>("echo")
            .Argument<StringGraphType>("text")
            .Resolve(ctx => ctx.GetArgument<string>("text"));
        Field<StringGraphType>("slow").ResolveAsync(async ctx =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ctx.CancellationToken);
            return "late";
        });
        Field<StringGraphType>("boom").Resolve(object? (_) => throw new InvalidOperationException("secret internal detail"));
        Field<StringGraphType>("secret").AuthorizeWithPolicy("Secret").Resolve(_ => "classified");
        Field<StringGraphType>("adminNote").AuthorizeWithRoles("admin").Resolve(_ => "for admins");
        Field<NodeGraphType>("node").Resolve(_ => 1);
        Field<IntGraphType>("expensive").WithComplexityImpact(500).Resolve(_ => 42);
        Field<ListGraphType<ParentGraphType>>("parents")
            .Argument<IntGraphType>("count")
            .Resolve(ctx => Enumerable.Range(1, ctx.GetArgument("count", 5)).ToArray());
    }
}

public sealed class NodeGraphType : ObjectGraphType<int>
{
    public NodeGraphType()
    {
        Name = "Node";
        Field<IntGraphType>("level").Resolve(ctx => ctx.Source);
        Field<NodeGraphType>("child").Resolve(ctx => ctx.Source + 1);
        Field<StringGraphType>("secret").AuthorizeWithPolicy("Secret").Resolve(_ => "nested classified");
    }
}

public sealed class ParentGraphType : ObjectGraphType<int>
{
    public ParentGraphType()
    {
        Name = "Parent";
        Field<IntGraphType>("id").Resolve(ctx => ctx.Source);
        Field<StringGraphType>("child").Resolve(ctx =>
        {
            var counter = ctx.RequestServices!.GetRequiredService<FetchCounter>();
            return ctx.RequestServices!.GetRequiredService<DataLoaderRegistry>()
                .GetOrAddBatchLoader<int, string>("childByParent", async (keys, ct) =>
                {
                    counter.CountChildren(keys);
                    await Task.Yield();
                    return keys.ToDictionary(k => k, k => "child-" + k);
                })
                .LoadAsync(ctx.Source);
        });
        Field<ListGraphType<StringGraphType>>("tags").Resolve(ctx =>
        {
            var counter = ctx.RequestServices!.GetRequiredService<FetchCounter>();
            return ctx.RequestServices!.GetRequiredService<DataLoaderRegistry>()
                .GetOrAddGroupedBatchLoader<int, string>("tagsByParent", async (keys, ct) =>
                {
                    counter.CountGrouped();
                    await Task.Yield();
                    return keys.SelectMany(k => new[] { (k, "a" + k), (k, "b" + k) }).ToLookup(p => p.k, p => p.Item2);
                })
                .LoadAsync(ctx.Source);
        });
    }
}

public sealed class TestMutation : ObjectGraphType
{
    private static int s_counter;

    public TestMutation()
    {
        Name = "Mutation";
        Field<IntGraphType>("increment").Resolve(_ => Interlocked.Increment(ref s_counter));
    }
}

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
