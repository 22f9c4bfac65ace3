using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spm.GraphQL.AspNetCore.Budgets;
using Spm.GraphQL.AspNetCore.Persisted;

namespace Spm.GraphQL.AspNetCore.Execution;

/// <summary>
/// One path for every transport: resolves the document (raw, persisted or APQ), applies the
/// client policy, executes, and settles the cost budget.
/// </summary>
internal sealed class GraphQLRequestPipeline<TSchema>(
    IDocumentExecuter<TSchema> executer,
    IOptions<GraphQLTransportOptions> options,
    IPersistedDocumentStore persistedDocuments,
    AutomaticPersistedQueryCache automaticPersistedQueries,
    IClientPolicyResolver policyResolver,
    ICostBudget budget,
    ILogger<GraphQLRequestPipeline<TSchema>> logger)
    where TSchema : ISchema
{
    public async Task<PipelineOutcome> ExecuteAsync(
        TransportRequest request,
        HttpContext httpContext,
        ClaimsPrincipal user,
        IServiceProvider requestServices,
        RequestCarrier carrier,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var policy = await policyResolver.ResolveAsync(user, httpContext, cancellationToken);
        var (query, failure) = await ResolveDocumentAsync(request, user, policy, settings, cancellationToken);
        if (failure is not null)
        {
            return await SettleAsync(failure, new TransportUserContext(policy, carrier), cancellationToken);
        }

        if (query!.Length > settings.MaxDocumentLength)
        {
            return await SettleAsync(
                Fail(TransportErrorCodes.DocumentTooLarge, $"The document has {query.Length} characters; the limit is {settings.MaxDocumentLength}."),
                new TransportUserContext(policy, carrier),
                cancellationToken);
        }

        var userContext = new TransportUserContext(policy, carrier);
        var executionOptions = new ExecutionOptions
        {
            Query = query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = user,
            RequestServices = requestServices,
            UserContext = userContext,
            CancellationToken = cancellationToken,
            UnhandledExceptionDelegate = context =>
            {
                // Clients see a generic message unless details are exposed, so the log must have it.
                logger.LogError(context.OriginalException, "GraphQL resolver failed: {Message}", context.ErrorMessage);
                return Task.CompletedTask;
            },
        };
        if (settings.ExecutionTimeout is { } timeout)
        {
            executionOptions.Timeout = timeout;
        }

        var result = await executer.ExecuteAsync(executionOptions);
        return await SettleAsync(result, userContext, cancellationToken);
    }

    private async Task<(string? Query, ExecutionResult? Failure)> ResolveDocumentAsync(
        TransportRequest request,
        ClaimsPrincipal user,
        ClientPolicy policy,
        GraphQLTransportOptions settings,
        CancellationToken cancellationToken)
    {
        if (request.DocumentId is { } documentId)
        {
            if (request.Query is not null)
            {
                return (null, Fail(TransportErrorCodes.InvalidRequest, "Send either 'query' or 'documentId', not both."));
            }

            if (!IsSha256DocumentId(documentId))
            {
                return (null, Fail(TransportErrorCodes.InvalidDocumentId, "A documentId must look like 'sha256:<64 hex digits>'."));
            }

            var document = await persistedDocuments.GetDocumentAsync(documentId, user, cancellationToken);
            return document is null
                ? (null, Fail(TransportErrorCodes.PersistedDocumentNotFound, $"No persisted document has the id '{documentId}'."))
                : (document, null);
        }

        if (policy.PersistedDocumentsOnly)
        {
            return (null, Fail(TransportErrorCodes.PersistedDocumentRequired, "This client may only send persisted documents (documentId)."));
        }

        if (request.PersistedQueryHash is { } hash && settings.EnableAutomaticPersistedQueries)
        {
            if (request.Query is null)
            {
                // Apollo clients look for this message as well as the code.
                return automaticPersistedQueries.TryGet(hash, out var known)
                    ? (known, null)
                    : (null, Fail(TransportErrorCodes.PersistedQueryNotFound, "PersistedQueryNotFound"));
            }

            var actual = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Query)));
            if (!string.Equals(actual, hash, StringComparison.OrdinalIgnoreCase))
            {
                return (null, Fail(TransportErrorCodes.PersistedQueryHashMismatch, "The sha256Hash does not match the query."));
            }

            automaticPersistedQueries.Set(hash, request.Query);
        }

        return request.Query is null
            ? (null, Fail(TransportErrorCodes.InvalidRequest, "A 'query' or a 'documentId' is required."))
            : (request.Query, null);
    }

    private async Task<PipelineOutcome> SettleAsync(ExecutionResult result, TransportUserContext state, CancellationToken cancellationToken)
    {
        var requested = state.RequestedCost ?? 0;
        var policy = state.Policy;
        CostDecision? decision = state.CostDecision;
        double actual = 0;
        if (result.Executed)
        {
            // Subscriptions pay their estimate when they start; events are not metered.
            actual = result.Streams is { Count: > 0 } ? requested : ActualCost.Compute(result, state, options.Value) ?? requested;
        }

        if (policy.Budget is { } budgetPolicy)
        {
            if (decision is { Allowed: true })
            {
                // The estimate was charged up front; give back what did not run. The estimate is
                // also the most one request can be charged, even if it returned longer lists.
                var refund = requested - actual;
                if (refund > 0)
                {
                    decision = await budget.RefundAsync(policy.ClientKey, refund, budgetPolicy, CancellationToken.None);
                }
            }
            else if (decision is null)
            {
                // Nothing was charged (e.g. a parse error): read the bucket by consuming nothing.
                decision = await budget.TryConsumeAsync(policy.ClientKey, 0, budgetPolicy, cancellationToken);
            }
        }

        result.Extensions ??= new Dictionary<string, object?>(StringComparer.Ordinal);
        result.Extensions["cost"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["requestedQueryCost"] = requested,
            ["actualQueryCost"] = actual,
            ["throttleStatus"] = decision is null
                ? null
                : new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["maximumAvailable"] = decision.MaximumAvailable,
                    ["currentlyAvailable"] = decision.CurrentlyAvailable,
                    ["restoreRate"] = decision.RestoreRatePerSecond,
                },
        };
        return new PipelineOutcome(result, decision, requested);
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    internal static ExecutionResult Fail(string code, string message)
        => new() { Errors = [new ExecutionError(message) { Code = code }] };

    private static bool IsSha256DocumentId(string documentId)
        => documentId.Length == 71
            && documentId.StartsWith("sha256:", StringComparison.Ordinal)
            && !documentId.AsSpan(7).ContainsAnyExcept(HexDigits);
}
