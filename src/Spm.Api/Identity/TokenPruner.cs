using OpenIddict.Abstractions;
using Spm.Api.Hosting;

namespace Spm.Api.Identity;

/// <summary>
/// Deletes expired and invalid tokens and authorizations with OpenIddict's managers, every
/// <see cref="SpmConfigurationKeys.IdentityPruneInterval"/>. Only entries older than
/// <see cref="SpmConfigurationKeys.IdentityPruneMinimumAge"/> go, so recent ones stay for
/// diagnosis. Several API nodes may prune at once: the deletes are idempotent, so the worst
/// case is some duplicate work, not a wrong result; no lock is needed.
/// </summary>
internal sealed partial class TokenPruner(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<TokenPruner> logger) : BackgroundService
{
    public TimeSpan Interval { get; } = configuration.GetValue(SpmConfigurationKeys.IdentityPruneInterval, TimeSpan.FromHours(1));

    public TimeSpan MinimumAge { get; } = configuration.GetValue(SpmConfigurationKeys.IdentityPruneMinimumAge, TimeSpan.FromDays(14));

    /// <summary>One pass; returns how many tokens and authorizations were removed.</summary>
    public async Task<(long Tokens, long Authorizations)> PruneOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var threshold = clock.GetUtcNow() - MinimumAge;
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken);
        LogPruned(tokens, authorizations, threshold);
        return (tokens, authorizations);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PruneOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A failed pass (database restarting) is retried at the next tick, never fatal.
                LogFailed(error);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Tokens} tokens and {Authorizations} authorizations created before {Threshold:O}.")]
    private partial void LogPruned(long tokens, long authorizations, DateTimeOffset threshold);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning tokens and authorizations failed; retrying at the next interval.")]
    private partial void LogFailed(Exception error);
}
