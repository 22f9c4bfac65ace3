using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Spm.Api.Tests.Infrastructure;
using Spm.Domain.Events;
using Spm.Domain.Live;
using Spm.Infrastructure.Live;

namespace Spm.Api.Tests.Live;

/// <summary>
/// One API node on the fixture's database whose dispatcher also feeds a recording projection and notifier, so a
/// test sees exactly what the dispatcher handed out. Several nodes on one database stand for several API servers.
/// </summary>
public sealed class DispatcherNode : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> app;

    public DispatcherNode(DatabaseFixture fixture, Func<Guid, bool>? failWhile = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Projection = new RecordingProjection(failWhile);
        app = fixture.Api.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IOutboxProjection>(Projection);
            s.AddSingleton<ILiveNotifier>(Notifier);
        }));
    }

    public RecordingProjection Projection { get; }

    public RecordingNotifier Notifier { get; } = new();

    public IServiceProvider Services => app.Services;

    public HttpClient ClientFor(Guid tenantId, params string[] roles)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-Tenant", tenantId.ToString());
        foreach (var role in roles)
        {
            client.DefaultRequestHeaders.Add("X-Test-Role", role);
        }

        return client;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    /// <summary>Waits (up to a generous bound, not a timing assertion) until <paramref name="done"/> holds.</summary>
    public static async Task EventuallyAsync(Func<bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Records every envelope handed to it; throws while <c>failWhile(tenant)</c> says so.</summary>
    public sealed class RecordingProjection(Func<Guid, bool>? failWhile) : IOutboxProjection
    {
        public ConcurrentQueue<OutboxEnvelope> Seen { get; } = new();

        public int Failures { get; private set; }

        public string Name => "recording";

        public Task<IReadOnlyList<BoardChange>> ApplyAsync(Guid tenantId, IReadOnlyList<OutboxEnvelope> batch, CancellationToken cancellationToken)
        {
            if (failWhile?.Invoke(tenantId) == true)
            {
                Failures++;
                throw new InvalidOperationException("projection down (test)");
            }

            foreach (var envelope in batch)
            {
                Seen.Enqueue(envelope);
            }

            return Task.FromResult<IReadOnlyList<BoardChange>>([new BoardChange(tenantId, "recording", BoardKind.Leaderboard, [])]);
        }

        public IReadOnlyList<OutboxEnvelope> Of(Guid tenantId) => [.. Seen.Where(e => e.TenantId == tenantId)];
    }

    /// <summary>Records what the dispatcher pushed.</summary>
    public sealed class RecordingNotifier : ILiveNotifier
    {
        public ConcurrentQueue<BoardChange> Boards { get; } = new();

        public ConcurrentQueue<SaleCelebration> Celebrations { get; } = new();

        public ValueTask BoardChangedAsync(BoardChange change, CancellationToken cancellationToken)
        {
            Boards.Enqueue(change);
            return ValueTask.CompletedTask;
        }

        public ValueTask AttainmentChangedAsync(AttainmentChanged change, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask SaleCelebratedAsync(SaleCelebration celebration, CancellationToken cancellationToken)
        {
            Celebrations.Enqueue(celebration);
            return ValueTask.CompletedTask;
        }

        public ValueTask ContestStatusChangedAsync(ContestSnapshot contest, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
