using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Territories;

/// <summary>Reading stored rebalancing proposals.</summary>
public static class RebalanceQueries
{
    public static void Register(ObjectGraphType query, NodeRegistry nodes)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(nodes);
        nodes.Add(RebalanceProposalGraphType.TypeName, Capability.ReadPlanning, (s, id) => new TaskResult<RebalanceView?>(LoadAsync(s, id, CancellationToken.None)));
        query.Field<RebalanceProposalGraphType>("rebalanceProposal")
            .Requires(Capability.ReadPlanning)
            .Description("A stored rebalancing proposal by global id; null when not found.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global id of the proposal.")
            .ResolveAsync(async c => GlobalId.TryDecode(c.GetArgument<string>("id"), RebalanceProposalGraphType.TypeName) is { } id
                ? await LoadAsync(c.RequestServices!, id, c.CancellationToken)
                : null);
    }

    private static async Task<RebalanceView?> LoadAsync(IServiceProvider services, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(cancellationToken);
        var proposal = await db.TerritoryRebalances.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return proposal is null ? null : RebalanceView.Of(proposal);
    }
}
