using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Spm.Api.Tests.Live;

/// <summary>Collects one client method's calls on a hub connection, to await them one by one.</summary>
public sealed class HubInbox<T> : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly Channel<T> received = Channel.CreateUnbounded<T>();
    private readonly IDisposable registration;

    public HubInbox(HubConnection connection, string method)
    {
        ArgumentNullException.ThrowIfNull(connection);
        registration = connection.On<T>(method, item => received.Writer.TryWrite(item));
    }

    /// <summary>The next call's argument; fails the test when none arrives in a generous while.</summary>
    public async Task<T> NextAsync()
    {
        using var cancel = new CancellationTokenSource(Patience);
        return await received.Reader.ReadAsync(cancel.Token);
    }

    /// <summary>Calls received so far and not yet taken.</summary>
    public int Pending => received.Reader.Count;

    public void Dispose() => registration.Dispose();
}
