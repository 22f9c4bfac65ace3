using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation.Complexity;

namespace Spm.GraphQL.AspNetCore.Execution;

/// <summary>
/// The cost a request actually incurred: the same per-field impacts the complexity analysis used,
/// summed over the fields that really ran. A list counts the items it really returned (a
/// <c>first: 100</c> page with 3 rows pays for 3), and the children of a field that failed or
/// returned null are not charged, because they never ran.
/// </summary>
internal static class ActualCost
{
    private const string RecordingKey = "__transport_actual_cost_recording__";
    private static readonly ConditionalWeakTable<ISchema, object> Instrumented = [];

    /// <summary>Wraps the analyzer's default impact function so every field's impact is remembered per request.</summary>
    public static Func<FieldImpactContext, FieldComplexityResult> Recording(Func<FieldImpactContext, FieldComplexityResult> inner)
        => context =>
        {
            var result = inner(context);
            Record(context, result.FieldImpact);
            return result;
        };

    /// <summary>
    /// Fields with their own impact function (<c>WithComplexityImpact</c>) bypass the default one,
    /// so their functions are wrapped too, once per schema, before the first analysis.
    /// </summary>
    public static void Instrument(ISchema schema)
    {
        if (Instrumented.TryGetValue(schema, out _))
        {
            return;
        }

        lock (Instrumented)
        {
            if (Instrumented.TryGetValue(schema, out _))
            {
                return;
            }

            foreach (var type in schema.AllTypes)
            {
                if (type is not IComplexGraphType complex)
                {
                    continue;
                }

                foreach (var field in complex.Fields)
                {
                    if (field.GetComplexityImpactDelegate() is { } own && !field.HasMetadata(RecordingKey))
                    {
                        field.WithComplexityImpact(Recording(own));
                        field.WithMetadata(RecordingKey, true);
                    }
                }
            }

            Instrumented.Add(schema, new object());
        }
    }

    /// <summary>
    /// Sums the recorded impact of every field node in the executed tree. Null when the result
    /// holds no execution tree (then the caller keeps the requested cost).
    /// </summary>
    public static double? Compute(ExecutionResult result, TransportUserContext state, GraphQLTransportOptions options)
    {
        if (result.Data is not ExecutionNode root)
        {
            return null;
        }

        var total = 0d;
        var pending = new Stack<ExecutionNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            // List items repeat their list's field; only the field itself (no index) is a resolver run.
            if (node.Field is { } field && node.IndexInParentNode is null)
            {
                total += state.FieldImpacts.TryGetValue(field, out var impact)
                    ? impact
                    : node.FieldDefinition.ResolvedType?.GetNamedType() is ScalarGraphType or EnumerationGraphType
                        ? options.DefaultScalarImpact
                        : options.DefaultObjectImpact;
            }

            if (node is IParentExecutionNode parent)
            {
                foreach (var child in parent.GetChildNodes())
                {
                    pending.Push(child);
                }
            }
        }

        return total;
    }

    private static void Record(FieldImpactContext context, double impact)
    {
        if (context.ValidationContext.UserContext is TransportUserContext state)
        {
            state.FieldImpacts[context.FieldAst] = impact;
        }
    }
}
