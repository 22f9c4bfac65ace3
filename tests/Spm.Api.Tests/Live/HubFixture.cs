using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Spm.Api.Features.Live;
using Spm.Api.Tests.Infrastructure;
using Spm.Infrastructure.Live;

namespace Spm.Api.Tests.Live;

/// <summary>
/// The API in-process with <see cref="HubTestBoards"/> as its board readers, and hub clients connected to it over
/// WebSockets with test-authentication headers.
/// </summary>
public sealed class HubFixture : IAsyncLifetime
{
    public DatabaseFixture Database { get; } = new();

    public HubTestBoards Boards { get; } = new();

    public WebApplicationFactory<Program> App { get; private set; } = null!;

    public ILiveNotifier Notifier => App.Services.GetRequiredService<ILiveNotifier>();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        // A long celebration interval, so a test can send a burst that surely lands in one push.
        App = Database.Api.WithWebHostBuilder(b => b.UseSetting("Spm:Live:CelebrationInterval", "00:00:01").ConfigureTestServices(s =>
        {
            s.RemoveAll<ILeaderboardReader>();
            s.RemoveAll<IContestReader>();
            s.AddSingleton<ILeaderboardReader>(Boards);
            s.AddSingleton<IContestReader>(Boards);
        }));
    }

    // The database fixture's factory disposes the factories derived from it (App included).
    public Task DisposeAsync() => Database.DisposeAsync();

    /// <summary>A started hub connection acting as the caller the headers describe.</summary>
    public async Task<HubConnection> ConnectAsync(Guid tenantId, string role, Guid? participant = null, Guid? display = null, bool messagePack = false)
    {
        var headers = new Dictionary<string, string> { ["X-Test-Tenant"] = tenantId.ToString(), ["X-Test-Role"] = role };
        if (participant is { } p)
        {
            headers["X-Test-Participant"] = p.ToString();
        }

        if (display is { } d)
        {
            headers["X-Test-Display"] = d.ToString();
        }

        var builder = new HubConnectionBuilder().WithUrl(new Uri(App.Server.BaseAddress, "hubs/live"), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.WebSocketFactory = async (context, cancellationToken) =>
            {
                var client = App.Server.CreateWebSocketClient();
                client.ConfigureRequest = r =>
                {
                    foreach (var (name, value) in headers)
                    {
                        r.Headers[name] = value;
                    }
                };
                return await client.ConnectAsync(context.Uri, cancellationToken);
            };
        });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }
        else
        {
            // The server writes decimals as strings and enums by name; read them the same way.
            builder.AddJsonProtocol(o => LiveJson.Configure(o.PayloadSerializerOptions));
        }

        var connection = builder.Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Options to parse a JSON payload the way the hub writes it.</summary>
    public static JsonSerializerOptions Json => LiveJson.Options;
}
