namespace Spm.Api.Features.Relay;

/// <summary>An item of a connection with its cursor.</summary>
public sealed record Edge<T>(string Cursor, T Node);
