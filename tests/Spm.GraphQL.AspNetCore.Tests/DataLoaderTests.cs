using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Spm.GraphQL.AspNetCore.DataLoader;
using Spm.GraphQL.AspNetCore.Tests.Infrastructure;

namespace Spm.GraphQL.AspNetCore.Tests;

public sealed class DataLoaderTests
{
    [Fact]
    public async Task N_parents_cause_exactly_one_fetch_per_loader()
    {
        await using var host = await TestHost.StartAsync();
        var counter = host.Services.GetRequiredService<FetchCounter>();
        var response = await host.PostAsync(new { query = "{ parents(count: 7) { id child tags } }" });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var parents = response.Data.GetProperty("parents");
        Assert.Equal(7, parents.GetArrayLength());
        Assert.Equal("child-7", parents[6].GetProperty("child").GetString());
        Assert.Equal(["a3", "b3"], parents[2].GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal(1, counter.ChildFetches);
        Assert.Equal(1, counter.GroupedFetches);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], counter.LastKeys);
    }

    [Fact]
    public async Task Each_request_has_its_own_loaders()
    {
        await using var host = await TestHost.StartAsync();
        var counter = host.Services.GetRequiredService<FetchCounter>();
        await host.PostAsync(new { query = "{ parents(count: 3) { child } }" });
        await host.PostAsync(new { query = "{ parents(count: 3) { child } }" });
        Assert.Equal(2, counter.ChildFetches);
    }

    [Fact]
    public async Task Loader_deduplicates_keys_batches_parallel_loads_and_reports_missing_as_default()
    {
        var calls = new List<IReadOnlyList<int>>();
        var loader = new BatchLoader<int, string>((keys, _) =>
        {
            lock (calls)
            {
                calls.Add(keys);
            }

            return Task.FromResult<IDictionary<int, string>>(keys.Where(k => k != 3).ToDictionary(k => k, k => "v" + k));
        });

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => loader.LoadAsync((i % 4) + 1))));
        var values = await Task.WhenAll(results.Select(r => r.GetResultAsync()));

        Assert.Single(calls);
        Assert.Equal([1, 2, 3, 4], calls[0].Order().ToArray());
        Assert.Equal("v1", values[0]);
        Assert.Null(values[2]);

        // A key loaded after the batch ran starts a new batch; a known key is served from the first.
        Assert.Equal("v5", await loader.LoadAsync(5).GetResultAsync());
        Assert.Equal("v2", await loader.LoadAsync(2).GetResultAsync());
        Assert.Equal(2, calls.Count);
    }

    [Fact]
    public void Registry_refuses_a_name_reused_with_another_shape()
    {
        var registry = new DataLoaderRegistry();
        registry.GetOrAddBatchLoader<int, string>("x", (_, _) => Task.FromResult<IDictionary<int, string>>(new Dictionary<int, string>()));
        var error = Assert.Throws<InvalidOperationException>(() =>
            registry.GetOrAddGroupedBatchLoader<int, string>("x", (_, _) => Task.FromResult(Array.Empty<int>().ToLookup(k => k, k => "v"))));
        Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
    }
}
