using GraphQL.Validation;
using GraphQLParser.AST;
using Spm.GraphQL.AspNetCore.Execution;

namespace Spm.GraphQL.AspNetCore.Validation;

/// <summary>
/// Refuses mutations and subscriptions sent with GET (GET must be safe); the HTTP layer turns the
/// code into 405. A rule rather than a second parse, so it also holds for cached documents.
/// </summary>
internal sealed class QueriesOnlyValidationRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.UserContext is TransportUserContext { QueriesOnly: true } && context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new ValidationError(
                $"A {context.Operation.Operation.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.")
            { Code = TransportErrorCodes.MethodNotAllowed });
        }

        return default;
    }
}
