using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Tests.Transport;
using Spm.Infrastructure.PersistedDocuments;

namespace Spm.Api.Tests.PersistedDocuments;

public sealed class PersistedDocumentTests(TransportFixture fixture) : IClassFixture<TransportFixture>
{
    private const string RegisterMutation =
        "mutation($d: [String!]!) { registerPersistedDocuments(input: { documents: $d }) { documentIds errors { code message field } } }";

    private static readonly string[] OneDocument = ["{ tenant { slug } }"];

    private static string Sha256(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<JsonElement> RegisterAsync(string adminClient, params string[] documents)
    {
        var response = await fixture.PostAsync(await fixture.TokenAsync(adminClient), new { query = RegisterMutation, variables = new { d = documents } });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Data.GetProperty("registerPersistedDocuments");
    }

    [Fact]
    public async Task Registered_document_runs_by_id_over_post_and_get_and_its_id_is_the_hash_of_its_text()
    {
        const string document = "query Names { participants(first: 5) { nodes { name } } }";

        var payload = await RegisterAsync(TransportFixture.AdminA, document);

        Assert.Equal(0, payload.GetProperty("errors").GetArrayLength());
        var id = payload.GetProperty("documentIds")[0].GetString()!;
        // Computed by the server from the exact text; a client cannot choose it.
        Assert.Equal(Sha256(document), id);
        var token = await fixture.TokenAsync(TransportFixture.PartnerA);
        var post = await fixture.PostAsync(token, new { documentId = id });
        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.Equal(3, post.Data.GetProperty("participants").GetProperty("nodes").GetArrayLength());

        var get = await fixture.GetAsync(token, "?documentId=" + Uri.EscapeDataString(id));
        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal("Ann A", get.Data.GetProperty("participants").GetProperty("nodes")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Registering_the_same_text_again_keeps_its_id_and_writes_nothing_new()
    {
        const string document = "{ tenant { name } }";
        var first = await RegisterAsync(TransportFixture.AdminA, document);
        var again = await RegisterAsync(TransportFixture.AdminA, document, document);

        var id = first.GetProperty("documentIds")[0].GetString()!;
        Assert.Equal([id, id], again.GetProperty("documentIds").EnumerateArray().Select(e => e.GetString()!).ToArray());
        await using var db = await fixture.CreateContextAsync();
        Assert.Equal(1, await db.PersistedDocuments.CountAsync(d => d.DocumentId == id));
        // One audit entry: for the registration that added the row.
        Assert.Equal(1, await db.AuditLog.IgnoreQueryFilters().CountAsync(a => a.EntityType == "PersistedDocument" && a.EntityId == id && a.TenantId == fixture.TenantA));
    }

    [Fact]
    public async Task A_document_that_does_not_parse_or_validate_is_refused_by_index_and_nothing_is_registered()
    {
        const string good = "query Fine { tenant { slug } }";
        var payload = await RegisterAsync(TransportFixture.AdminA, good, "{ tenant { slug }", "{ tenant { nope } }", "fragment F on Tenant { slug }");

        Assert.Equal(0, payload.GetProperty("documentIds").GetArrayLength());
        var errors = payload.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(3, errors.Count);
        Assert.Equal(["input", "documents", "1"], errors[0].GetProperty("field").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.StartsWith("Document 1: The document does not parse", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["input", "documents", "2"], errors[1].GetProperty("field").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Contains("nope", errors[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["input", "documents", "3"], errors[2].GetProperty("field").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.All(errors, e => Assert.Equal("INVALID_DOCUMENT", e.GetProperty("code").GetString()));

        // All or nothing: the valid one was not registered either.
        var run = await fixture.PostAsync(await fixture.TokenAsync(TransportFixture.PartnerA), new { documentId = Sha256(good) });
        Assert.Equal("PERSISTED_DOCUMENT_NOT_FOUND", run.FirstErrorCode);
    }

    [Fact]
    public async Task A_document_with_variables_is_accepted_and_runs_with_them()
    {
        const string document = "query Page($n: Int!) { participants(first: $n) { nodes { name } } }";
        var id = (await RegisterAsync(TransportFixture.AdminA, document)).GetProperty("documentIds")[0].GetString()!;

        var response = await fixture.PostAsync(await fixture.TokenAsync(TransportFixture.PartnerA), new { documentId = id, variables = new { n = 2 } });

        Assert.Equal(2, response.Data.GetProperty("participants").GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_id_is_the_transports_not_found_error()
    {
        var response = await fixture.PostAsync(await fixture.TokenAsync(TransportFixture.PartnerA), new { documentId = "sha256:" + new string('0', 64) });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("PERSISTED_DOCUMENT_NOT_FOUND", response.FirstErrorCode);
    }

    [Fact]
    public async Task Another_tenants_document_is_not_usable_and_not_listed()
    {
        const string document = "query OnlyB { tenant { currency: reportingCurrency } }";
        var id = (await RegisterAsync(TransportFixture.AdminB, document)).GetProperty("documentIds")[0].GetString()!;

        // Asked first by A, so a cached miss must not hide it from B afterwards either.
        var fromA = await fixture.PostAsync(await fixture.TokenAsync(TransportFixture.PartnerA), new { documentId = id });
        Assert.Equal("PERSISTED_DOCUMENT_NOT_FOUND", fromA.FirstErrorCode);
        var fromB = await fixture.PostAsync(await fixture.TokenAsync(TransportFixture.PartnerB), new { documentId = id });
        Assert.Equal("EUR", fromB.Data.GetProperty("tenant").GetProperty("currency").GetString());

        var listA = await fixture.PostAsync(await fixture.TokenAsync(TransportFixture.AdminA), new { query = "{ persistedDocuments(first: 100) { nodes { documentId } } }" });
        Assert.DoesNotContain(id, listA.Data.GetProperty("persistedDocuments").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("documentId").GetString()));
    }

    [Fact]
    public async Task A_document_registered_after_a_miss_is_usable_at_once()
    {
        const string document = "query Late { tenant { timeZone } }";
        var token = await fixture.TokenAsync(TransportFixture.PartnerA);
        var before = await fixture.PostAsync(token, new { documentId = Sha256(document) });
        Assert.Equal("PERSISTED_DOCUMENT_NOT_FOUND", before.FirstErrorCode);

        await RegisterAsync(TransportFixture.AdminA, document);

        var after = await fixture.PostAsync(token, new { documentId = Sha256(document) });
        Assert.Equal("UTC", after.Data.GetProperty("tenant").GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Global_documents_serve_every_tenant_and_are_listed_as_global()
    {
        const string document = "query GlobalSlug { tenant { slug } }";
        await using (var db = await fixture.CreateContextAsync())
        {
            // What `./spm documents` does (SpmCommands register-documents).
            await PersistedDocumentRegistry.AddAsync(db, null, [document], "spm", DateTimeOffset.UtcNow, default);
            await db.SaveChangesAsync();
        }

        var id = Sha256(document);
        var a = await fixture.PostAsync(await fixture.TokenAsync(TransportFixture.PartnerA), new { documentId = id });
        var b = await fixture.PostAsync(await fixture.TokenAsync(TransportFixture.PartnerB), new { documentId = id });
        Assert.Equal("tenant-a", a.Data.GetProperty("tenant").GetProperty("slug").GetString());
        Assert.Equal("tenant-b", b.Data.GetProperty("tenant").GetProperty("slug").GetString());

        // A tenant registering a global text adds nothing of its own.
        await RegisterAsync(TransportFixture.AdminB, document);
        await using (var db = await fixture.CreateContextAsync())
        {
            Assert.Equal(1, await db.PersistedDocuments.CountAsync(d => d.DocumentId == id));
        }

        var list = await fixture.PostAsync(await fixture.TokenAsync(TransportFixture.AdminB), new { query = "{ persistedDocuments(first: 100) { nodes { documentId global registeredBy } } }" });
        var node = list.Data.GetProperty("persistedDocuments").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("documentId").GetString() == id);
        Assert.True(node.GetProperty("global").GetBoolean());
        Assert.Equal("spm", node.GetProperty("registeredBy").GetString());
    }

    [Fact]
    public async Task The_list_pages_newest_first_with_cursors()
    {
        var admin = await fixture.TokenAsync(TransportFixture.AdminB);
        foreach (var field in new[] { "name", "slug", "timeZone" })
        {
            // One call each, so each has its own registration time.
            await RegisterAsync(TransportFixture.AdminB, $"query Paging_{field} {{ tenant {{ {field} }} }}");
        }

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await fixture.PostAsync(admin, new
            {
                query = "query($after: String) { persistedDocuments(first: 2, after: $after) { totalCount nodes { text } pageInfo { hasNextPage endCursor } } }",
                variables = new { after },
            });
            var connection = page.Data.GetProperty("persistedDocuments");
            seen.AddRange(connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("text").GetString()!));
            after = connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? connection.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        var paging = seen.Where(t => t.StartsWith("query Paging_", StringComparison.Ordinal)).ToList();
        Assert.Equal(["query Paging_timeZone { tenant { timeZone } }", "query Paging_slug { tenant { slug } }", "query Paging_name { tenant { name } }"], paging);
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Only_admins_may_register_or_list()
    {
        var partner = await fixture.TokenAsync(TransportFixture.PartnerA);

        var register = await fixture.PostAsync(partner, new { query = RegisterMutation, variables = new { d = OneDocument } });
        var list = await fixture.PostAsync(partner, new { query = "{ persistedDocuments(first: 1) { totalCount } }" });

        Assert.Equal(HttpStatusCode.Forbidden, register.Status);
        Assert.Equal("ACCESS_DENIED", register.FirstErrorCode);
        Assert.Equal("ACCESS_DENIED", list.FirstErrorCode);
    }
}
