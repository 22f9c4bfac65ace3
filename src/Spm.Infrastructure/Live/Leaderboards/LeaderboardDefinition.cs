using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Spm.Domain.Common;
using Spm.Domain.Live;
using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>
/// A standing leaderboard: what it ranks (one metric or weighted points over several), over which window, among
/// whom (scope) and whether people or teams. <see cref="Key"/> is the tenant-unique slug screens are paired with.
/// <see cref="Version"/> grows on every change of what the board counts, and is part of its Redis keys, so a
/// changed board starts from a rebuild instead of mixing old and new scores.
/// </summary>
public sealed partial class LeaderboardDefinition : ITenantOwned
{
    public const int MaxKeyLength = 64;
    public const int MaxTitleLength = 200;
    public const int MaxMetrics = 8;
    public const int MaxTopSize = 100;
    public const decimal MaxWeight = 1_000_000m;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public LeaderboardDefinition(Guid id, Guid tenantId, string key, DateTimeOffset at)
    {
        Id = id;
        TenantId = tenantId;
        Key = RequireKey(key);
        CreatedAt = UpdatedAt = at;
        Version = 1;
    }

    private (string? Json, IReadOnlyList<WeightedMetric> Metrics) parsed = (null, []);

    // For EF Core.
    private LeaderboardDefinition()
    {
    }

    /// <summary>A stored definition, as read by the live layer's raw SQL.</summary>
    public static LeaderboardDefinition Restore(Guid id, Guid tenantId, string key, string title, string metricsJson, LeaderboardWindow window, LeaderboardScope scope, Guid? scopeId, LeaderboardSubject subject, int topSize, int version) => new()
    {
        Id = id,
        TenantId = tenantId,
        Key = key,
        Title = title,
        MetricsJson = metricsJson,
        Window = window,
        Scope = scope,
        ScopeId = scopeId,
        Subject = subject,
        TopSize = topSize,
        Version = version,
    };

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Key { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    /// <summary>The metrics as JSON (<see cref="Metrics"/> is the typed view).</summary>
    public string MetricsJson { get; private set; } = "[]";

    public LeaderboardWindow Window { get; private set; }

    public LeaderboardScope Scope { get; private set; }

    /// <summary>The team (scope TEAM) or territory (scope TERRITORY); null for COMPANY.</summary>
    public Guid? ScopeId { get; private set; }

    public LeaderboardSubject Subject { get; private set; }

    public int TopSize { get; private set; }

    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Parsed once per JSON text: the fan-out asks for every event and board.</summary>
    public IReadOnlyList<WeightedMetric> Metrics
    {
        get
        {
            var json = MetricsJson;
            if (!ReferenceEquals(parsed.Json, json))
            {
                parsed = (json, JsonSerializer.Deserialize<List<WeightedMetric>>(json, Json) ?? []);
            }

            return parsed.Metrics;
        }
    }

    /// <summary>True when the board ranks attainment percent (absolute values, not sums).</summary>
    public bool IsAttainment => Metrics is [{ Metric: LiveMetric.AttainmentPercent }];

    /// <summary>Sets everything that decides the scores; bumps <see cref="Version"/> when any of it changed. Field names are the input's.</summary>
    public void Define(string title, IReadOnlyList<WeightedMetric> metrics, LeaderboardWindow window, LeaderboardScope scope, Guid? scopeId, LeaderboardSubject subject, int topSize, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var cleanTitle = Guard.NotBlank(title, "title", MaxTitleLength);
        if (metrics.Count is 0 or > MaxMetrics)
        {
            throw new DomainException("INVALID_METRICS", $"Give 1 to {MaxMetrics} metrics; {metrics.Count} were given.", "metrics");
        }

        if (metrics.Select(m => m.Metric).Distinct().Count() != metrics.Count)
        {
            throw new DomainException("DUPLICATE_METRIC", "Each metric may appear once.", "metrics");
        }

        for (var i = 0; i < metrics.Count; i++)
        {
            // Two decimals at most: with amounts in cents every weighted score is an exact multiple of 1/10,000,
            // which Redis holds exactly as a scaled integer (see LeaderboardScores), so ties stay ties.
            if (metrics[i].Weight == 0 || Math.Abs(metrics[i].Weight) > MaxWeight || decimal.Round(metrics[i].Weight, 2) != metrics[i].Weight)
            {
                throw new DomainException("INVALID_WEIGHT", $"A weight must be non-zero, at most {MaxWeight:N0} in size, with at most two decimals; it was {metrics[i].Weight}.", $"metrics.{i}.weight");
            }
        }

        // Attainment is a level, not a sum: it cannot be added to counts, and a team has no single attainment event here.
        if (metrics.Any(m => m.Metric == LiveMetric.AttainmentPercent) && (metrics.Count > 1 || subject != LeaderboardSubject.Participants))
        {
            throw new DomainException("INVALID_METRICS", "ATTAINMENT_PERCENT ranks participants on its own; it cannot be weighted with other metrics or rank teams.", "metrics");
        }

        if (scope == LeaderboardScope.Company && scopeId is not null)
        {
            throw new DomainException("INVALID_SCOPE", "A COMPANY board takes no scopeId.", "scopeId");
        }

        if (scope != LeaderboardScope.Company && scopeId is null)
        {
            throw new DomainException("REQUIRED", $"A {scope.ToString().ToUpperInvariant()} board needs a scopeId.", "scopeId");
        }

        if (subject == LeaderboardSubject.Teams && scope == LeaderboardScope.Territory)
        {
            throw new DomainException("INVALID_SCOPE", "A TERRITORY board ranks participants; team boards are COMPANY or TEAM.", "subject");
        }

        if (topSize is < 1 or > MaxTopSize)
        {
            throw new DomainException("OUT_OF_RANGE", $"topSize must be 1 to {MaxTopSize}; it was {topSize}.", "topSize");
        }

        var json = JsonSerializer.Serialize(metrics, Json);
        var scoresChange = json != MetricsJson || window != Window || scope != Scope || scopeId != ScopeId || subject != Subject;
        if (scoresChange && Title.Length > 0)
        {
            Version++;
        }

        Title = cleanTitle;
        MetricsJson = json;
        Window = window;
        Scope = scope;
        ScopeId = scopeId;
        Subject = subject;
        TopSize = topSize;
        UpdatedAt = at;
    }

    /// <summary>A lower-case slug: letters, digits and dashes, starting with a letter or digit (field "key").</summary>
    public static string RequireKey(string key)
    {
        var trimmed = key?.Trim() ?? string.Empty;
        return KeyPattern().IsMatch(trimmed)
            ? trimmed
            : throw new DomainException("INVALID_KEY", $"A board key is 1 to {MaxKeyLength} lower-case letters, digits and dashes, starting with a letter or digit; '{trimmed}' is not.", "key");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
