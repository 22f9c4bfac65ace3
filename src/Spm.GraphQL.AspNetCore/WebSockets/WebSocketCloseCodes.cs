namespace Spm.GraphQL.AspNetCore.WebSockets;

/// <summary>Close codes the graphql-transport-ws server uses.</summary>
public static class WebSocketCloseCodes
{
    public const int Normal = 1000;
    public const int GoingAway = 1001;

    /// <summary>The client does not read fast enough: its send queue is full (retry later, then re-fetch).</summary>
    public const int SlowConsumer = 1013;
    public const int InternalError = 4500;
    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int SubprotocolNotAcceptable = 4406;
    public const int ConnectionInitialisationTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;
}
