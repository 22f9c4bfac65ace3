using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Spm.Api.Auth;
using Spm.Api.Features.Live;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Domain.Compensation;
using Spm.Domain.Events;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// Live earnings and disputes as GraphQL subscriptions: the hub's <c>EarningsChanged</c> and <c>DisputeChanged</c>, same
/// payloads, same rule as statements (<see cref="EarningsVisibility"/>). Events reach this node through
/// <see cref="LiveBus"/> whichever node dispatched them.
/// </summary>
public static class EarningsSubscriptions
{
    public static void Register(ObjectGraphType subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var earnings = subscription.Field<NonNullGraphType<EarningsChangeGraphType>>("earningsChanged")
            .Requires(Capability.ReadEarnings)
            .Description("Each move of one participant's earnings so far in an open fiscal month, as credits are committed. Only the participant, their manager chain, finance and admin may follow it.")
            .Argument<NonNullGraphType<IdGraphType>>("participantId", "Global id of the participant.")
            .Resolve(c => c.Source);
        earnings.FieldType.StreamResolver = new SourceStreamResolver<EarningsChange>(async c =>
        {
            var (viewer, services) = LivePushSubscriptions.Context(c);
            var id = ParticipantArgument(c) ?? throw new ExecutionError("`participantId` is not a Participant id.") { Code = "INVALID_ARGUMENT" };
            await LivePushSubscriptions.CheckAsync(services.GetRequiredService<LiveAccess>().EnsureEarningsAsync(viewer, id, c.CancellationToken));
            var key = LiveNotifier.ParticipantKey(id);
            return LivePushSubscriptions.Stream(
                services.GetRequiredService<LiveBus>(),
                viewer.TenantId,
                m => m.Kind == LiveMessageKind.EarningsChanged && m.Key == key,
                _ => ValueTask.FromResult<EarningsChange?>(null),
                m => (EarningsChange)m.Payload);
        });

        var disputes = subscription.Field<NonNullGraphType<DisputeChangeGraphType>>("disputeChanged")
            .Requires(Capability.ReadEarnings)
            .Description("Each dispute opened or changing status. With `participantId`: that participant's (the participant, their manager chain, finance and admin). Without: every dispute of the tenant for finance and admin, your own for anyone else.")
            .Argument<IdGraphType>("participantId", "Global id of the participant whose disputes to follow; omit for all (finance, admin) or your own.")
            .Resolve(c => c.Source);
        disputes.FieldType.StreamResolver = new SourceStreamResolver<DisputeChanged>(async c =>
        {
            var (viewer, services) = LivePushSubscriptions.Context(c);
            Guid? participant = null;
            if (c.GetArgument<string?>("participantId") is not null)
            {
                participant = ParticipantArgument(c) ?? throw new ExecutionError("`participantId` is not a Participant id.") { Code = "INVALID_ARGUMENT" };
                await LivePushSubscriptions.CheckAsync(services.GetRequiredService<LiveAccess>().EnsureEarningsAsync(viewer, participant.Value, c.CancellationToken));
            }
            else if (viewer.Role is not (SpmRoles.Admin or SpmRoles.Finance))
            {
                participant = viewer.ParticipantId
                    ?? throw new ExecutionError("This token belongs to no participant, so it has no disputes of its own; give `participantId`.") { Code = "ACCESS_DENIED" };
            }

            var key = participant is { } p ? LiveNotifier.ParticipantKey(p) : null;
            return LivePushSubscriptions.Stream(
                services.GetRequiredService<LiveBus>(),
                viewer.TenantId,
                m => m.Kind == LiveMessageKind.DisputeChanged && (key is null || m.Key == key),
                _ => ValueTask.FromResult<DisputeChanged?>(null),
                m => (DisputeChanged)m.Payload);
        });
    }

    private static Guid? ParticipantArgument(IResolveFieldContext c) =>
        GlobalId.TryDecode(c.GetArgument<string?>("participantId"), ParticipantGraphType.TypeName);
}
