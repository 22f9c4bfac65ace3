namespace Spm.Api.Hosting;

/// <summary>
/// Every configuration key the app reads, in one place: the README documents them and a test
/// checks that the docker compose file sets only keys from this list.
/// </summary>
public static class SpmConfigurationKeys
{
    public const string Postgres = "ConnectionStrings:Postgres";
    public const string Redis = "ConnectionStrings:Redis";
    public const string DataDirectory = "Spm:DataDirectory";
    public const string RedisKeyPrefix = "Spm:Redis:KeyPrefix";

    /// <summary>Section bound onto the GraphQL transport's options (limits, budgets per role).</summary>
    public const string GraphQL = "Spm:GraphQL";

    /// <summary>Cost budgets by client id and by role: <c>Spm:GraphQL:Budgets:Clients:&lt;clientId&gt;:Capacity</c>, <c>...:Roles:&lt;role&gt;:RestoreRatePerSecond</c>.</summary>
    public const string GraphQLBudgets = "Spm:GraphQL:Budgets";
    public const string GraphQLClientBudgets = "Spm:GraphQL:Budgets:Clients";
    public const string GraphQLRoleBudgets = "Spm:GraphQL:Budgets:Roles";
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string Urls = "ASPNETCORE_URLS";
    public const string Environment = "ASPNETCORE_ENVIRONMENT";
    public const string IdentityEphemeralKeys = "Spm:Identity:EphemeralKeys";
    public const string IdentityAllowHttp = "Spm:Identity:AllowHttp";
    public const string IdentitySigningCertificatePath = "Spm:Identity:SigningCertificate:Path";
    public const string IdentitySigningCertificatePassword = "Spm:Identity:SigningCertificate:Password";
    public const string IdentityEncryptionCertificatePath = "Spm:Identity:EncryptionCertificate:Path";
    public const string IdentityEncryptionCertificatePassword = "Spm:Identity:EncryptionCertificate:Password";
    public const string TokenRequestsPerClient = "Spm:Identity:TokenRateLimit:PerClient";
    public const string TokenRequestsPerIp = "Spm:Identity:TokenRateLimit:PerIp";
    public const string TokenRateLimitWindowSeconds = "Spm:Identity:TokenRateLimit:WindowSeconds";

    /// <summary>Folder of the built GraphiQL page (default: wwwroot/graphiql under the content root).</summary>
    public const string GraphiQLDirectory = "Spm:GraphiQL:Directory";

    /// <summary>Maps the bare GraphQL.NET endpoint `./spm bench graphql` compares the transport with.</summary>
    public const string BenchBareEndpoint = "Spm:Bench:BareEndpoint";

    /// <summary>How often expired and invalid tokens and authorizations are pruned (TimeSpan, default 01:00:00).</summary>
    public const string IdentityPruneInterval = "Spm:Identity:Prune:Interval";

    /// <summary>Entries younger than this are kept even when expired (TimeSpan, default 14.00:00:00).</summary>
    public const string IdentityPruneMinimumAge = "Spm:Identity:Prune:MinimumAge";

    /// <summary>How long an invitation link works (TimeSpan, default 3.00:00:00).</summary>
    public const string IdentityInvitationLifetime = "Spm:Identity:InvitationLifetime";

    /// <summary>Access token lifetime (TimeSpan, default 01:00:00).</summary>
    public const string IdentityAccessTokenLifetime = "Spm:Identity:AccessTokenLifetime";

    /// <summary>Proxies whose X-Forwarded-For/Proto are trusted: IP addresses, comma-separated.</summary>
    public const string ForwardedHeadersKnownProxies = "Spm:ForwardedHeaders:KnownProxies";

    /// <summary>Networks whose X-Forwarded-For/Proto are trusted: CIDR ranges, comma-separated (e.g. 10.0.0.0/8).</summary>
    public const string ForwardedHeadersKnownNetworks = "Spm:ForwardedHeaders:KnownNetworks";
    /// <summary>Bulk import tuning bound onto <c>BulkImportOptions</c>: <c>MaxBodyBytes</c>, <c>BatchSize</c>, <c>MaxReportedErrors</c>.</summary>
    public const string Ingest = "Spm:Ingest";
    public const string IngestMaxBodyBytes = "Spm:Ingest:MaxBodyBytes";
    public const string IngestBatchSize = "Spm:Ingest:BatchSize";
    public const string IngestMaxReportedErrors = "Spm:Ingest:MaxReportedErrors";
    /// <summary>Push tuning bound onto <c>LivePushOptions</c>: <c>Top</c>, <c>BoardInterval</c>, <c>CelebrationInterval</c>, <c>CelebrationsListed</c>, <c>ChannelPrefix</c> (SignalR backplane).</summary>
    public const string Live = "Spm:Live";
    public const string LiveTop = "Spm:Live:Top";
    public const string LiveBoardInterval = "Spm:Live:BoardInterval";
    public const string LiveCelebrationInterval = "Spm:Live:CelebrationInterval";
    public const string LiveCelebrationsListed = "Spm:Live:CelebrationsListed";
    public const string LiveChannelPrefix = "Spm:Live:ChannelPrefix";

    /// <summary>Outbox dispatcher tuning bound onto <c>OutboxDispatcherOptions</c>: <c>PollInterval</c>, <c>BatchSize</c>, <c>Workers</c>, <c>MaxBackoff</c>, <c>Enabled</c>, <c>LiveEarnings</c>, <c>EarningsInterval</c>, <c>EarningsImmediateBelow</c>, <c>EarningsCpuShare</c>.</summary>
    public const string LiveDispatcher = "Spm:Live:Dispatcher";

    /// <summary>Calculation runs shared between nodes, bound onto <c>CalculationRunOptions</c>: <c>LeaseDuration</c>, <c>PollInterval</c>, <c>MaxAttempts</c>.</summary>
    public const string CompensationRuns = "Spm:Compensation:Runs";

    public static readonly IReadOnlyList<string> All =
    [
        Postgres, Redis, DataDirectory, RedisKeyPrefix, GraphQL, GraphQLBudgets, GraphQLClientBudgets, GraphQLRoleBudgets, OtlpEndpoint, Urls, Environment,
        IdentityEphemeralKeys, IdentityAllowHttp, IdentitySigningCertificatePath, IdentitySigningCertificatePassword,
        IdentityEncryptionCertificatePath, IdentityEncryptionCertificatePassword,
        TokenRequestsPerClient, TokenRequestsPerIp, TokenRateLimitWindowSeconds, GraphiQLDirectory, BenchBareEndpoint,
        IdentityPruneInterval, IdentityPruneMinimumAge, IdentityInvitationLifetime, IdentityAccessTokenLifetime,
        ForwardedHeadersKnownProxies, ForwardedHeadersKnownNetworks,
        Ingest, IngestMaxBodyBytes, IngestBatchSize, IngestMaxReportedErrors,
        Live, LiveTop, LiveBoardInterval, LiveCelebrationInterval, LiveCelebrationsListed, LiveChannelPrefix, LiveDispatcher,
        CompensationRuns,
    ];

    /// <summary>The environment-variable spelling of a key (':' becomes '__').</summary>
    public static string AsEnvironmentVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    public static string Require(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Configuration '{key}' is missing (environment variable {AsEnvironmentVariable(key)}). './spm up' sets it for local runs.");
}
