using GraphQL.Validation;
using GraphQLParser.AST;
using Spm.GraphQL.AspNetCore.Execution;

namespace Spm.GraphQL.AspNetCore.Validation;

/// <summary>
/// Refuses operation types the carrier cannot serve: GET must be safe (queries only; the HTTP layer
/// turns the code into 405) and HTTP has no event stream (subscriptions need the WebSocket).
/// A rule rather than a second parse, so it also holds for cached documents.
/// </summary>
internal sealed class OperationTypeValidationRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.UserContext is not TransportUserContext state)
        {
            return default;
        }

        var operation = context.Operation.Operation;
        if (state.Carrier == RequestCarrier.HttpGet && operation != OperationType.Query)
        {
            context.ReportError(new ValidationError(
                $"A {operation.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.")
            { Code = TransportErrorCodes.MethodNotAllowed });
        }
        else if (state.Carrier == RequestCarrier.HttpPost && operation == OperationType.Subscription)
        {
            context.ReportError(new ValidationError("Subscriptions need the graphql-transport-ws WebSocket protocol.")
            { Code = TransportErrorCodes.SubscriptionsNeedWebSocket });
        }

        return default;
    }
}
