using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Spm.GraphQL.AspNetCore.Validation;

/// <summary>Caps aliases per document: aliases multiply work without deepening the query.</summary>
internal sealed class MaxAliasesValidationRule(IOptions<GraphQLTransportOptions> options) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var max = options.Value.MaxAliases;
        var count = 0;
        foreach (var definition in context.Document.Definitions)
        {
            var selectionSet = definition switch
            {
                GraphQLOperationDefinition operation => operation.SelectionSet,
                GraphQLFragmentDefinition fragment => fragment.SelectionSet,
                _ => null,
            };
            count += CountAliases(selectionSet);
        }

        if (count > max)
        {
            context.ReportError(new ValidationError($"The document has {count} aliases; the limit is {max}.")
            { Code = TransportErrorCodes.MaxAliasesExceeded });
        }

        return default;
    }

    private static int CountAliases(GraphQLSelectionSet? selectionSet)
    {
        if (selectionSet is null)
        {
            return 0;
        }

        var count = 0;
        foreach (var selection in selectionSet.Selections)
        {
            count += selection switch
            {
                GraphQLField field => (field.Alias is null ? 0 : 1) + CountAliases(field.SelectionSet),
                GraphQLInlineFragment inline => CountAliases(inline.SelectionSet),
                _ => 0,
            };
        }

        return count;
    }
}
