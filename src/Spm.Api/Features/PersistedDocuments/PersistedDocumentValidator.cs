using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Spm.Api.Features.PersistedDocuments;

/// <summary>
/// Checks a document before it joins the allow-list: it must parse, hold at least one operation
/// and pass the specification's validation rules against the running schema, so every id handed
/// out can actually run. Authorization and budgets are not checked here: they depend on the
/// caller and are applied when the document is executed.
/// </summary>
public static class PersistedDocumentValidator
{
    /// <summary>Null when the document is acceptable; otherwise why not.</summary>
    public static async Task<string?> ProblemAsync(ISchema schema, string text, int maxLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return "The document is empty.";
        }

        if (text.Length > maxLength)
        {
            return $"The document has {text.Length} characters; the limit is {maxLength}.";
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(text);
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            return "The document does not parse: " + ex.Description + $" (line {ex.Location.Line}, column {ex.Location.Column}).";
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count == 0)
        {
            return "The document holds no operation.";
        }

        var validator = new DocumentValidator();
        foreach (var operation in operations)
        {
            var result = await validator.ValidateAsync(new ValidationOptions
            {
                Schema = schema,
                Document = document,
                Operation = operation,
                Rules = DocumentValidator.CoreRules,
                UserContext = new Dictionary<string, object?>(StringComparer.Ordinal),
                Variables = Inputs.Empty,
                Extensions = Inputs.Empty,
                CancellationToken = cancellationToken,
            });
            // Variable values are not known yet: an operation that needs some is still valid.
            var errors = result.Errors.Where(e => e is not InvalidVariableError).ToList();
            if (errors.Count > 0)
            {
                return "The document is not valid against the schema: " + string.Join(" ", errors.Select(e => e.Message));
            }
        }

        return null;
    }
}
