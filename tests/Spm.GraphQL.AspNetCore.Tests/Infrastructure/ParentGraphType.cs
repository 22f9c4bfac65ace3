using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Spm.GraphQL.AspNetCore.DataLoader;

namespace Spm.GraphQL.AspNetCore.Tests.Infrastructure;

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
