using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;

namespace Spm.Api.Hosting;

/// <summary>
/// A measuring stick for `./spm bench graphql`, mapped only when Spm:Bench:BareEndpoint is true:
/// the same schema and process executed by a plain GraphQL.NET executer (core validation, a
/// document cache like the transport's), without the transport's negotiation, limits, cost
/// budget or authorization rule. The caller still needs a token (the fallback policy), so
/// resolvers see the same tenant.
/// </summary>
internal static class BareGraphQLEndpoint
{
    public const string Path = "/bench/bare-graphql";
    public const string MemoryPath = "/bench/memory";

    public static void Map(WebApplication app)
    {
        var executer = new DocumentExecuter(
            new GraphQLDocumentBuilder(),
            new DocumentValidator(),
            new DefaultExecutionStrategySelector(),
            [new BareDocumentCache()]);
        var schema = app.Services.GetRequiredService<ISchema>();
        var serializer = app.Services.GetRequiredService<IGraphQLTextSerializer>();
        app.MapPost(Path, async context =>
        {
            var request = await serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted)
                ?? throw new BadHttpRequestException("A GraphQL request body is required.");
            var result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Schema = schema,
                Query = request.Query,
                OperationName = request.OperationName,
                Variables = request.Variables,
                User = context.User,
                RequestServices = context.RequestServices,
                CancellationToken = context.RequestAborted,
            });
            context.Response.ContentType = "application/json; charset=utf-8";
            await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
        });
        // Memory per idle subscription needs the live managed heap, not whatever garbage the
        // last burst left: collect fully, then report it with the process working set.
        app.MapGet(MemoryPath, () =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            return Results.Json(new { managedBytes = GC.GetTotalMemory(forceFullCollection: true), workingSetBytes = Environment.WorkingSet });
        });
    }
}
