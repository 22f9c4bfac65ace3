using Microsoft.AspNetCore.Http;

namespace Spm.GraphQL.AspNetCore.Http;

/// <summary>
/// A browser navigating to the GraphQL path: GET, accepts HTML, carries no GraphQL request. The
/// transport answers it with the HTML page; hosts use the same test to let it through without a token.
/// </summary>
public static class GraphQLPageRequest
{
    public static bool Matches(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsGet(request.Method)
            && !request.Query.ContainsKey("query")
            && !request.Query.ContainsKey("documentId")
            && !request.Query.ContainsKey("extensions")
            && MediaTypes.AcceptsHtml(request.Headers.Accept);
    }
}
