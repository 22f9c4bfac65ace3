using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Spm.GraphQL.AspNetCore.Tests.Infrastructure;

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
        Field<NodeGraphType>("nullNode").Resolve(_ => null);
        // What a host service that reads the caller from IHttpContextAccessor sees (tenant filters do).
        Field<StringGraphType>("contextUser").Resolve(ctx =>
            ctx.RequestServices!.GetRequiredService<IHttpContextAccessor>().HttpContext?.User.FindFirst("sub")?.Value);
        Field<IntGraphType>("expensive").WithComplexityImpact(500).Resolve(_ => 42);
        Field<ListGraphType<ParentGraphType>>("parents")
            .Argument<IntGraphType>("count")
            .Resolve(ctx => Enumerable.Range(1, ctx.GetArgument("count", 5)).ToArray());
    }
}
