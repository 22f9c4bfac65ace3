using Spm.GraphQL.AspNetCore.Budgets;

namespace Spm.GraphQL.AspNetCore;

/// <summary>Limits and switches of the GraphQL transport; bindable from configuration.</summary>
public sealed class GraphQLTransportOptions
{
    /// <summary>Largest request body accepted, in bytes (413 above it).</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Longest GraphQL document accepted, in characters (<c>DOCUMENT_TOO_LARGE</c>).</summary>
    public int MaxDocumentLength { get; set; } = 32 * 1024;

    /// <summary>Deepest selection nesting accepted (<c>MAX_DEPTH_EXCEEDED</c>).</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Highest computed complexity accepted per operation (<c>MAX_COMPLEXITY_EXCEEDED</c>).</summary>
    public int MaxComplexity { get; set; } = 10_000;

    /// <summary>Most aliases accepted in one document (<c>MAX_ALIASES_EXCEEDED</c>).</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Impact of a scalar field in the complexity analysis.</summary>
    public double DefaultScalarImpact { get; set; } = 1;

    /// <summary>Impact of an object field in the complexity analysis.</summary>
    public double DefaultObjectImpact { get; set; } = 1;

    /// <summary>Multiplier for list fields without a <c>first</c>/<c>last</c> argument.</summary>
    public double DefaultListImpactMultiplier { get; set; } = 10;

    /// <summary>Upper bound of one execution (<c>TIMEOUT</c>); null for none.</summary>
    public TimeSpan? ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Distinct documents kept parsed and validated.</summary>
    public int DocumentCacheSize { get; set; } = 1_000;

    /// <summary>Distinct automatic persisted queries kept per process.</summary>
    public int AutomaticPersistedQueryCacheSize { get; set; } = 1_000;

    /// <summary>Accept Apollo automatic persisted queries (<c>extensions.persistedQuery</c>).</summary>
    public bool EnableAutomaticPersistedQueries { get; set; } = true;

    /// <summary>Show exception messages and stack traces in errors; only for development.</summary>
    public bool ExposeExceptionDetails { get; set; }

    /// <summary>Refuse anonymous callers: 401 over HTTP, close 4403 over WebSocket.</summary>
    public bool RequireAuthentication { get; set; }

    /// <summary>
    /// Claim type which, with value <c>true</c>, marks a client that may only send persisted documents.
    /// </summary>
    public string PersistedDocumentsOnlyClaimType { get; set; } = "graphql_persisted_only";

    /// <summary>Budget of clients without a role-specific budget; null means no budget (unmetered).</summary>
    public BudgetPolicy? DefaultBudget { get; set; }

    /// <summary>Budgets by role name; a client with several roles gets the largest capacity.</summary>
    public IDictionary<string, BudgetPolicy> BudgetsByRole { get; } = new Dictionary<string, BudgetPolicy>(StringComparer.Ordinal);

    /// <summary>
    /// Called for a GET from a browser (<c>Accept: text/html</c>) with no GraphQL parameters,
    /// so the host can serve an IDE page such as GraphiQL. Null answers as any other request.
    /// </summary>
    public Func<Microsoft.AspNetCore.Http.HttpContext, Task>? HtmlRequestHandler { get; set; }

    /// <summary>
    /// Where to redirect (302) such a browser GET when <see cref="HtmlRequestHandler"/> is null, e.g. a
    /// static GraphiQL page served by the host. Null answers as any other request.
    /// </summary>
    public string? GraphiQLPath { get; set; }

    /// <summary>Time a WebSocket client has to send <c>connection_init</c> before close 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval of server pings on an idle WebSocket; null disables keep-alive.</summary>
    public TimeSpan? KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Messages queued per WebSocket before the client counts as a slow consumer (close 1013).</summary>
    public int SendQueueCapacity { get; set; } = 256;

    /// <summary>Largest WebSocket message accepted from a client, in bytes (close 4400 above it).</summary>
    public int MaxWebSocketMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Test seam: awaited before each WebSocket send, so tests can hold the writer back.</summary>
    internal Func<CancellationToken, Task>? BeforeWebSocketSend { get; set; }
}
