using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spm.GraphQL.AspNetCore.Execution;

namespace Spm.GraphQL.AspNetCore.WebSockets;

/// <summary>
/// One graphql-transport-ws connection. A single writer loop owns every send (including the close
/// frame), fed by a bounded queue; the read loop dispatches messages; operations run as tasks.
/// </summary>
internal sealed class GraphQLWebSocketConnection<TSchema> : IDisposable
    where TSchema : ISchema
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly HttpContext _httpContext;
    private readonly GraphQLRequestPipeline<TSchema> _pipeline;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly GraphQLTransportOptions _options;
    private readonly IWebSocketAuthenticator _authenticator;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILogger _logger;
    private readonly Channel<byte[]> _sendQueue;
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationTokenSource _abort = new();
    private int _closeRequested;
    private int _closeCode = WebSocketCloseCodes.Normal;
    private string _closeReason = string.Empty;
    private int _initReceived;
    private volatile bool _acknowledged;
    private ClaimsPrincipal _user;

    public GraphQLWebSocketConnection(
        WebSocket socket,
        HttpContext httpContext,
        GraphQLRequestPipeline<TSchema> pipeline,
        IGraphQLTextSerializer serializer,
        GraphQLTransportOptions options,
        IWebSocketAuthenticator authenticator,
        IServiceScopeFactory scopeFactory,
        ILogger logger)
    {
        _socket = socket;
        _httpContext = httpContext;
        _pipeline = pipeline;
        _serializer = serializer;
        _options = options;
        _authenticator = authenticator;
        _scopeFactory = scopeFactory;
        _logger = logger;
        _user = httpContext.User;
        _sendQueue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(Math.Max(1, options.SendQueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public async Task RunAsync(CancellationToken hostStopping)
    {
        using var stopping = hostStopping.Register(() => RequestClose(WebSocketCloseCodes.GoingAway, "Server shutting down"));
        var writer = Task.Run(WriteLoopAsync, CancellationToken.None);
        var initTimeout = InitTimeoutAsync();
        var keepAlive = KeepAliveAsync();
        try
        {
            await ReadLoopAsync();
        }
        finally
        {
            RequestClose(WebSocketCloseCodes.Normal, string.Empty);
            foreach (var operation in _operations.Values)
            {
                operation.Dispose();
            }

            _operations.Clear();
            await writer;
            await Task.WhenAll(_running.Keys);
            await Task.WhenAll(initTimeout, keepAlive);
        }
    }

    public void Dispose()
    {
        _closing.Dispose();
        _abort.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        while (true)
        {
            ValueWebSocketReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(buffer.AsMemory(), _abort.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                return;
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (Volatile.Read(ref _closeRequested) != 0)
            {
                // Closing: wait for the client's close frame and ignore everything else.
                continue;
            }

            if (received.MessageType == WebSocketMessageType.Binary)
            {
                RequestClose(WebSocketCloseCodes.BadRequest, "Binary messages are not supported");
                continue;
            }

            message.Write(buffer, 0, received.Count);
            if (message.Length > _options.MaxWebSocketMessageBytes)
            {
                RequestClose(WebSocketCloseCodes.BadRequest, "Message too large");
                continue;
            }

            if (!received.EndOfMessage)
            {
                continue;
            }

            var bytes = message.ToArray();
            message.SetLength(0);
            await HandleMessageAsync(bytes);
        }
    }

    private async Task HandleMessageAsync(byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            RequestClose(WebSocketCloseCodes.BadRequest, "Invalid message: not JSON");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var typeElement)
                || typeElement.ValueKind != JsonValueKind.String)
            {
                RequestClose(WebSocketCloseCodes.BadRequest, "Invalid message: a string 'type' is required");
                return;
            }

            switch (typeElement.GetString())
            {
                case "connection_init":
                    await InitialiseAsync(root);
                    break;
                case "ping":
                    Enqueue(new OutgoingMessage("pong"));
                    break;
                case "pong":
                    break;
                case "subscribe":
                    Subscribe(root);
                    break;
                case "complete":
                    if (!TryGetId(root, out var id))
                    {
                        return;
                    }

                    if (_operations.TryRemove(id, out var operation))
                    {
                        operation.Dispose();
                    }

                    break;
                default:
                    RequestClose(WebSocketCloseCodes.BadRequest, "Invalid message type");
                    break;
            }
        }
    }

    private async Task InitialiseAsync(JsonElement root)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            RequestClose(WebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        var payload = root.TryGetProperty("payload", out var p) ? p : default;
        if (payload.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            RequestClose(WebSocketCloseCodes.BadRequest, "Invalid message: connection_init payload must be an object");
            return;
        }

        WebSocketAuthenticationResult result;
        try
        {
            result = await _authenticator.AuthenticateAsync(_httpContext, payload, _closing.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (!result.Succeeded || (_options.RequireAuthentication && result.User!.Identity?.IsAuthenticated != true))
        {
            RequestClose(WebSocketCloseCodes.Forbidden, "Forbidden");
            return;
        }

        _user = result.User!;
        // The upgrade request's context lives as long as the socket and IHttpContextAccessor hands
        // it to every operation's services: services that read the caller from it (tenant filters,
        // "who am I") must see the principal the socket authenticated as, not the anonymous upgrade.
        // Set once, before the ack, so no operation can run with the old user.
        _httpContext.User = _user;
        _acknowledged = true;
        Enqueue(new OutgoingMessage("connection_ack"));
    }

    private void Subscribe(JsonElement root)
    {
        if (!_acknowledged)
        {
            RequestClose(WebSocketCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        if (!TryGetId(root, out var id))
        {
            return;
        }

        if (!root.TryGetProperty("payload", out var payload)
            || !RequestParser.TryParse(payload, (IGraphQLSerializer)_serializer, out var request, out var error))
        {
            RequestClose(WebSocketCloseCodes.BadRequest, "Invalid message: " + (payload.ValueKind == JsonValueKind.Undefined ? "payload is required" : "invalid payload"));
            return;
        }

        var operation = new Operation(id);
        if (!_operations.TryAdd(id, operation))
        {
            operation.Dispose();
            RequestClose(WebSocketCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        var task = ExecuteAsync(operation, request);
        _running.TryAdd(task, true);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private bool TryGetId(JsonElement root, out string id)
    {
        if (root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String && idElement.GetString() is { Length: > 0 } value)
        {
            id = value;
            return true;
        }

        id = string.Empty;
        RequestClose(WebSocketCloseCodes.BadRequest, "Invalid message: a non-empty string 'id' is required");
        return false;
    }

    private async Task ExecuteAsync(Operation operation, TransportRequest request)
    {
        // Yield so the read loop keeps reading while this operation runs.
        await Task.Yield();
        // A scope per operation: scoped services (data loaders, DbContexts) never outlive it.
        var scope = _scopeFactory.CreateAsyncScope();
        try
        {
            var outcome = await _pipeline.ExecuteAsync(request, _httpContext, _user, scope.ServiceProvider, RequestCarrier.WebSocket, operation.Token);
            var result = outcome.Result;
            if (result.Streams is { Count: > 0 } streams)
            {
                var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var observer = new StreamObserver(this, operation, completed);
                operation.Attach(streams.Values.First().Subscribe(observer));
                using (operation.Token.Register(() => completed.TrySetResult()))
                {
                    await completed.Task;
                }

                return;
            }

            if (!IsActive(operation))
            {
                return;
            }

            if (!result.Executed)
            {
                Finish(operation, new OutgoingMessage("error", operation.Id, result.Errors?.ToArray() ?? []));
                return;
            }

            Enqueue(new OutgoingMessage("next", operation.Id, result));
            Finish(operation, new OutgoingMessage("complete", operation.Id));
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
            // Completed by the client or the connection closed.
        }
#pragma warning disable CA1031 // One failing operation must not take the connection down; the client gets an error message.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "GraphQL WebSocket operation {OperationId} failed", operation.Id);
            Finish(operation, new OutgoingMessage("error", operation.Id, new[] { new ExecutionError("Internal server error") { Code = TransportErrorCodes.InternalServerError } }));
        }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, Operation>(operation.Id, operation));
            operation.Dispose();
            await scope.DisposeAsync();
        }
    }

    private bool IsActive(Operation operation)
        => _operations.TryGetValue(operation.Id, out var current) && ReferenceEquals(current, operation);

    /// <summary>Sends the last message of an operation once, unless the client already completed it.</summary>
    private void Finish(Operation operation, OutgoingMessage message)
    {
        if (_operations.TryRemove(new KeyValuePair<string, Operation>(operation.Id, operation)))
        {
            Enqueue(message);
        }
    }

    private void Enqueue(OutgoingMessage message)
    {
        if (Volatile.Read(ref _closeRequested) != 0)
        {
            return;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(_serializer.Serialize(message));
        if (!_sendQueue.Writer.TryWrite(bytes))
        {
            RequestClose(WebSocketCloseCodes.SlowConsumer, "Slow consumer: send queue full");
        }
    }

    private void RequestClose(int code, string reason)
    {
        if (Interlocked.CompareExchange(ref _closeRequested, 1, 0) != 0)
        {
            return;
        }

        _closeCode = code;
        _closeReason = reason;
        _sendQueue.Writer.TryComplete();
        _closing.Cancel();
        // A client that never answers the close frame must not hold the connection forever.
        _abort.CancelAfter(CloseHandshakeTimeout);
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (await _sendQueue.Reader.WaitToReadAsync(_closing.Token))
            {
                while (!_closing.IsCancellationRequested && _sendQueue.Reader.TryRead(out var bytes))
                {
                    if (_options.BeforeWebSocketSend is { } gate)
                    {
                        await gate(_closing.Token);
                    }

                    await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _abort.Token);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ChannelClosedException)
        {
            // Closing or the socket is gone; the close frame below is best effort.
        }

        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)_closeCode, _closeReason, _abort.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The peer vanished; nothing left to tell it.
        }
    }

    private async Task InitTimeoutAsync()
    {
        try
        {
            await Task.Delay(_options.ConnectionInitTimeout, _closing.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref _initReceived) == 0)
        {
            RequestClose(WebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private async Task KeepAliveAsync()
    {
        if (_options.KeepAliveInterval is not { } interval || interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token))
            {
                // Only acknowledged connections: before that the init timeout governs.
                if (_acknowledged)
                {
                    Enqueue(new OutgoingMessage("ping"));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Connection closing.
        }
    }

    private sealed class StreamObserver(GraphQLWebSocketConnection<TSchema> connection, Operation operation, TaskCompletionSource completed)
        : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (connection.IsActive(operation))
            {
                connection.Enqueue(new OutgoingMessage("next", operation.Id, value));
            }
        }

        public void OnError(Exception error)
        {
            var payload = error is ExecutionError executionError
                ? executionError
                : new ExecutionError("The event stream failed.") { Code = TransportErrorCodes.InternalServerError };
            connection.Finish(operation, new OutgoingMessage("error", operation.Id, new[] { payload }));
            completed.TrySetResult();
        }

        public void OnCompleted()
        {
            connection.Finish(operation, new OutgoingMessage("complete", operation.Id));
            completed.TrySetResult();
        }
    }

    private sealed class Operation : IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new();
        private IDisposable? _subscription;
        private int _disposed;

        public Operation(string id)
        {
            Id = id;
            // Kept apart from the source so it stays readable after Dispose.
            Token = _cancellation.Token;
        }

        public string Id { get; }

        public CancellationToken Token { get; }

        public void Attach(IDisposable subscription)
        {
            _subscription = subscription;
            if (Volatile.Read(ref _disposed) != 0)
            {
                Interlocked.Exchange(ref _subscription, null)?.Dispose();
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            // Unsubscribe first so the source stops producing, then stop any running execution.
            Interlocked.Exchange(ref _subscription, null)?.Dispose();
            _cancellation.Cancel();
            _cancellation.Dispose();
        }
    }
}
