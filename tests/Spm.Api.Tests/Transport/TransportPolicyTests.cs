using System.Net;

namespace Spm.Api.Tests.Transport;

/// <summary>Per-client policy, budgets and actual cost through real tokens from /connect/token.</summary>
public sealed class TransportPolicyTests(TransportFixture fixture) : IClassFixture<TransportFixture>
{
    private async Task<string> RegisterAsync(string adminClient, string document)
    {
        var token = await fixture.TokenAsync(adminClient);
        var response = await fixture.PostAsync(token, new
        {
            query = "mutation($d: [String!]!) { registerPersistedDocuments(input: { documents: $d }) { documentIds errors { code message } } }",
            variables = new { d = new[] { document } },
        });
        var payload = response.Data.GetProperty("registerPersistedDocuments");
        Assert.Equal(0, payload.GetProperty("errors").GetArrayLength());
        return payload.GetProperty("documentIds")[0].GetString()!;
    }

    [Fact]
    public async Task A_persisted_only_client_is_refused_an_ad_hoc_document_and_served_a_registered_one()
    {
        const string document = "query ScreenTenant { tenant { slug } }";
        var id = await RegisterAsync(TransportFixture.AdminA, document);
        var token = await fixture.TokenAsync(TransportFixture.ScreenA);

        var adHoc = await fixture.PostAsync(token, new { query = document });
        Assert.Equal(HttpStatusCode.BadRequest, adHoc.Status);
        Assert.Equal("PERSISTED_DOCUMENT_REQUIRED", adHoc.FirstErrorCode);
        Assert.False(adHoc.Json.TryGetProperty("data", out _));

        var persisted = await fixture.PostAsync(token, new { documentId = id });
        Assert.Equal(HttpStatusCode.OK, persisted.Status);
        Assert.Equal("tenant-a", persisted.Data.GetProperty("tenant").GetProperty("slug").GetString());

        // The switch belongs to that client only: another client of the tenant may send text.
        var other = await fixture.PostAsync(await fixture.TokenAsync(TransportFixture.PartnerA), new { query = document });
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Fact]
    public async Task A_client_budget_from_configuration_throttles_that_client_with_429()
    {
        var token = await fixture.TokenAsync(TransportFixture.TightClient);
        // { tenant { slug } } costs 2 (tenant 1 + slug 1) and actually runs both: 5 -> 3 -> 1 -> refused.
        var first = await fixture.PostAsync(token, new { query = "{ tenant { slug } }" });
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("5", first.Header("X-RateLimit-Limit"));
        Assert.Equal("3", first.Header("X-RateLimit-Remaining"));
        Assert.Equal(2, first.Cost.GetProperty("requestedQueryCost").GetDouble());
        Assert.Equal(2, first.Cost.GetProperty("actualQueryCost").GetDouble());

        var second = await fixture.PostAsync(token, new { query = "{ tenant { slug } }" });
        Assert.Equal("1", second.Header("X-RateLimit-Remaining"));

        var refused = await fixture.PostAsync(token, new { query = "{ tenant { slug } }" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("THROTTLED", refused.FirstErrorCode);
        Assert.Equal("1", refused.Header("X-RateLimit-Remaining"));
        Assert.Equal(5, refused.Cost.GetProperty("throttleStatus").GetProperty("maximumAvailable").GetDouble());
        Assert.Equal(0, refused.Cost.GetProperty("throttleStatus").GetProperty("restoreRate").GetDouble());

        // A new token of the same client shares the bucket (the key is the client, not the token).
        var again = await fixture.PostAsync(await fixture.TokenAsync(TransportFixture.TightClient), new { query = "{ tenant { slug } }" });
        Assert.Equal(HttpStatusCode.TooManyRequests, again.Status);

        // The bucket is keyed by the client id, which the token carries.
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(Environment.GetEnvironmentVariable("SPM_TEST_REDIS")!);
        Assert.True(await redis.GetDatabase().KeyExistsAsync($"{fixture.RedisKeyPrefix}budget:{{client:{TransportFixture.TightClient}}}"));

        // Other clients are untouched.
        var partner = await fixture.PostAsync(await fixture.TokenAsync(TransportFixture.PartnerA), new { query = "{ tenant { slug } }" });
        Assert.Equal(HttpStatusCode.OK, partner.Status);
        Assert.Equal("1000000", partner.Header("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task A_role_budget_from_configuration_applies_to_clients_of_that_role()
    {
        var token = await fixture.TokenAsync(TransportFixture.FinanceClient);
        // Capacity 7 for finance; 2 points per query: 7 -> 5 -> 3 -> 1 -> refused.
        for (var remaining = 5; remaining >= 1; remaining -= 2)
        {
            var ok = await fixture.PostAsync(token, new { query = "{ tenant { slug } }" });
            Assert.Equal(HttpStatusCode.OK, ok.Status);
            Assert.Equal("7", ok.Header("X-RateLimit-Limit"));
            Assert.Equal(remaining.ToString(System.Globalization.CultureInfo.InvariantCulture), ok.Header("X-RateLimit-Remaining"));
        }

        var refused = await fixture.PostAsync(token, new { query = "{ tenant { slug } }" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("THROTTLED", refused.FirstErrorCode);
        Assert.NotEqual(string.Empty, refused.Header("X-RateLimit-Reset"));
    }

    [Fact]
    public async Task A_page_of_100_that_returns_3_rows_is_charged_for_3()
    {
        var token = await fixture.TokenAsync(TransportFixture.MeteredClient);

        var response = await fixture.PostAsync(token, new { query = "{ participants(first: 100) { nodes { name } } }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(3, response.Data.GetProperty("participants").GetProperty("nodes").GetArrayLength());
        // Requested: participants 1 + nodes 1 + name 1 x first (100) = 102.
        // Actual: participants 1 + nodes 1 + name x 3 rows = 5; the other 97 are refunded.
        Assert.Equal(102, response.Cost.GetProperty("requestedQueryCost").GetDouble());
        Assert.Equal(5, response.Cost.GetProperty("actualQueryCost").GetDouble());
        Assert.Equal(TransportFixture.MeteredCapacity - 5, response.Cost.GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetDouble());
        Assert.Equal("995", response.Header("X-RateLimit-Remaining"));
    }
}
