using GraphQL;

namespace Spm.GraphQL.AspNetCore.Execution;

/// <summary>A well-formed GraphQL request, whatever carried it (POST body, GET URL, WebSocket subscribe).</summary>
internal sealed record TransportRequest(
    string? Query,
    string? OperationName,
    Inputs? Variables,
    Inputs? Extensions,
    string? DocumentId,
    string? PersistedQueryHash);
