using System.Net;
using Spm.GraphQL.AspNetCore.Tests.Infrastructure;

namespace Spm.GraphQL.AspNetCore.Tests;

public sealed class LimitTests
{
    [Fact]
    public async Task Too_deep_query_is_refused_with_max_depth_exceeded()
    {
        await using var host = await TestHost.StartAsync(o => o.MaxDepth = 3);
        // Depth counts the fields on the longest path, the leaf included: node, child, child, level.
        var response = await host.PostAsync(new { query = "{ node { child { child { level } } } }" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MAX_DEPTH_EXCEEDED", response.FirstErrorCode);
        Assert.Equal("The query is 4 levels deep; the limit is 3.", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Query_at_the_depth_limit_runs()
    {
        await using var host = await TestHost.StartAsync(o => o.MaxDepth = 3);
        var response = await host.PostAsync(new { query = "{ node { child { level } } }" });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(2, response.Data.GetProperty("node").GetProperty("child").GetProperty("level").GetInt32());
    }

    [Fact]
    public async Task Too_complex_query_is_refused_with_max_complexity_exceeded()
    {
        // expensive has an impact of 500 (WithComplexityImpact); hello costs 1.
        await using var host = await TestHost.StartAsync(o => o.MaxComplexity = 400);
        var response = await host.PostAsync(new { query = "{ hello expensive }" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", response.FirstErrorCode);
        Assert.Equal("The query's complexity is 501; the limit is 400.", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Too_many_aliases_are_refused()
    {
        await using var host = await TestHost.StartAsync(o => o.MaxAliases = 2);
        var response = await host.PostAsync(new { query = "{ a: hello b: hello ...F } fragment F on Query { c: hello }" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MAX_ALIASES_EXCEEDED", response.FirstErrorCode);
        Assert.Equal("The document has 3 aliases; the limit is 2.", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Aliases_within_the_limit_run()
    {
        await using var host = await TestHost.StartAsync(o => o.MaxAliases = 2);
        var response = await host.PostAsync(new { query = "{ a: hello b: hello }" });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("world", response.Data.GetProperty("b").GetString());
    }

    [Fact]
    public async Task Too_long_document_is_refused()
    {
        await using var host = await TestHost.StartAsync(o => o.MaxDocumentLength = 20);
        var response = await host.PostAsync(new { query = "{ hello                      }" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("DOCUMENT_TOO_LARGE", response.FirstErrorCode);
    }

    [Fact]
    public async Task Execution_timeout_returns_a_timeout_error()
    {
        await using var host = await TestHost.StartAsync(o => o.ExecutionTimeout = TimeSpan.FromMilliseconds(100));
        var response = await host.PostAsync(new { query = "{ slow }" });
        Assert.Equal("TIMEOUT", response.FirstErrorCode);
    }
}
