using System.Net;
using System.Text.Json.Nodes;
using Spm.Api.Tests.Infrastructure;

namespace Spm.Api.Tests.Hosting;

public sealed class HealthTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Ready_is_200_when_postgres_and_redis_answer()
    {
        var response = await fixture.Api.CreateClient().GetAsync("/health/ready");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body["checks"]!["postgres"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["redis"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ready_is_503_and_names_redis_when_redis_is_down()
    {
        // Port 1 on loopback: nothing listens there, so Redis is "down" for this app only.
        await using var app = new SpmApiFactory(fixture.ConnectionString, "127.0.0.1:1,abortConnect=false,connectTimeout=500");
        var response = await app.CreateClient().GetAsync("/health/ready");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", body["checks"]!["redis"]!["status"]!.GetValue<string>());
        Assert.Equal("Redis is unreachable.", body["checks"]!["redis"]!["description"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["postgres"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Live_is_anonymous_and_checks_no_server()
    {
        await using var app = new SpmApiFactory(fixture.ConnectionString, "127.0.0.1:1,abortConnect=false,connectTimeout=500");
        var response = await app.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
