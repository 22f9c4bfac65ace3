namespace Spm.GraphQL.AspNetCore;

/// <summary>Values of <c>extensions.code</c> set by the transport.</summary>
public static class TransportErrorCodes
{
    public const string InvalidJson = "INVALID_JSON";
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string BatchingNotSupported = "BATCHING_NOT_SUPPORTED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string SubscriptionsNeedWebSocket = "SUBSCRIPTIONS_NEED_WEBSOCKET";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string AccessDenied = "ACCESS_DENIED";
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxComplexityExceeded = "MAX_COMPLEXITY_EXCEEDED";
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";
    public const string Throttled = "THROTTLED";
    public const string Timeout = "TIMEOUT";
    public const string PersistedDocumentNotFound = "PERSISTED_DOCUMENT_NOT_FOUND";
    public const string PersistedDocumentRequired = "PERSISTED_DOCUMENT_REQUIRED";
    public const string InvalidDocumentId = "INVALID_DOCUMENT_ID";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
}
