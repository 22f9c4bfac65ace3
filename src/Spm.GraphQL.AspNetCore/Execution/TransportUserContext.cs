using Spm.GraphQL.AspNetCore.Budgets;

namespace Spm.GraphQL.AspNetCore.Execution;

/// <summary>Per-request state shared between the transport and its validation rules.</summary>
internal sealed class TransportUserContext : Dictionary<string, object?>
{
    public TransportUserContext(ClientPolicy policy, bool queriesOnly)
        : base(StringComparer.Ordinal)
    {
        Policy = policy;
        QueriesOnly = queriesOnly;
    }

    public ClientPolicy Policy { get; }

    /// <summary>True for HTTP GET, where mutations and subscriptions are refused (405).</summary>
    public bool QueriesOnly { get; }

    public double? RequestedCost { get; set; }

    public CostDecision? CostDecision { get; set; }
}
