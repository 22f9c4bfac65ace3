using GraphQLParser.AST;
using Spm.GraphQL.AspNetCore.Budgets;

namespace Spm.GraphQL.AspNetCore.Execution;

/// <summary>Per-request state shared between the transport and its validation rules.</summary>
internal sealed class TransportUserContext : Dictionary<string, object?>
{
    public TransportUserContext(ClientPolicy policy, RequestCarrier carrier)
        : base(StringComparer.Ordinal)
    {
        Policy = policy;
        Carrier = carrier;
    }

    public ClientPolicy Policy { get; }

    public RequestCarrier Carrier { get; }

    public double? RequestedCost { get; set; }

    public CostDecision? CostDecision { get; set; }

    /// <summary>Impact of each field of the operation as the complexity analysis computed it (for the actual cost).</summary>
    public Dictionary<GraphQLField, double> FieldImpacts { get; } = new(ReferenceEqualityComparer.Instance);
}
