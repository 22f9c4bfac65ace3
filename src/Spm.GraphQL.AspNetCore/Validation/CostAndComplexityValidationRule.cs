using System.Globalization;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;
using Spm.GraphQL.AspNetCore.Budgets;
using Spm.GraphQL.AspNetCore.Execution;

namespace Spm.GraphQL.AspNetCore.Validation;

/// <summary>
/// GraphQL.NET's v8 complexity analyzer with transport error codes, plus the caller's points
/// budget: the requested cost is charged before execution. Runs on cached documents too,
/// because the budget belongs to the caller, not to the document.
/// </summary>
internal sealed class CostAndComplexityValidationRule(IOptions<GraphQLTransportOptions> options, ICostBudget budget)
    : ComplexityValidationRule(CreateOptions(options.Value))
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ActualCost.Instrument(context.Schema);
        return base.GetPostNodeVisitorAsync(context);
    }

    protected override async ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (totalComplexity > Options.MaxComplexity)
        {
            context.ReportError(new ValidationError(string.Create(
                CultureInfo.InvariantCulture,
                $"The query's complexity is {totalComplexity}; the limit is {Options.MaxComplexity}."))
            { Code = TransportErrorCodes.MaxComplexityExceeded });
        }

        if (maxDepth > Options.MaxDepth)
        {
            context.ReportError(new ValidationError(string.Create(
                CultureInfo.InvariantCulture,
                $"The query is {maxDepth} levels deep; the limit is {Options.MaxDepth}."))
            { Code = TransportErrorCodes.MaxDepthExceeded });
        }

        if (context.UserContext is not TransportUserContext state)
        {
            return;
        }

        state.RequestedCost = totalComplexity;
        if (context.HasErrors || state.Policy.Budget is not { } policy)
        {
            return;
        }

        var decision = await budget.TryConsumeAsync(state.Policy.ClientKey, totalComplexity, policy, context.CancellationToken);
        state.CostDecision = decision;
        if (!decision.Allowed)
        {
            context.ReportError(new ValidationError(string.Create(
                CultureInfo.InvariantCulture,
                $"The query costs {totalComplexity} points; {Math.Floor(decision.CurrentlyAvailable)} are available, restored at {decision.RestoreRatePerSecond} per second."))
            { Code = TransportErrorCodes.Throttled });
        }
    }

    private static ComplexityOptions CreateOptions(GraphQLTransportOptions options) => new()
    {
        MaxDepth = options.MaxDepth,
        MaxComplexity = options.MaxComplexity,
        DefaultScalarImpact = options.DefaultScalarImpact,
        DefaultObjectImpact = options.DefaultObjectImpact,
        DefaultListImpactMultiplier = options.DefaultListImpactMultiplier,
        // The analyzer's own function, remembered per field so the actual cost uses the same impacts.
        DefaultComplexityImpactDelegate = ActualCost.Recording(new ComplexityOptions().DefaultComplexityImpactDelegate),
    };
}
