namespace Spm.GraphQL.AspNetCore.Execution;

/// <summary>How a request arrived; decides which operation types it may carry.</summary>
internal enum RequestCarrier
{
    HttpGet,
    HttpPost,
    WebSocket,
}
