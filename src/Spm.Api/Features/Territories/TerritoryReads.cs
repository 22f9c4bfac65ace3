using GraphQL;
using Spm.Api.Auth;

namespace Spm.Api.Features.Territories;

/// <summary>Shortcuts from a resolver to the caller's cached territory snapshot and membership.</summary>
public static class TerritoryReads
{
    public static Task<TerritorySnapshot> SnapshotAsync(IResolveFieldContext context, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices!;
        return services.GetRequiredService<ITerritoryOwnership>().SnapshotAsync(services.GetRequiredService<Caller>().RequireTenant(), asOf, context.CancellationToken);
    }

    public static Task<TerritoryMembership> MembershipAsync(IResolveFieldContext context, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices!;
        return services.GetRequiredService<ITerritoryOwnership>().MembershipAsync(services.GetRequiredService<Caller>().RequireTenant(), asOf, context.CancellationToken);
    }

    /// <summary>The `asOf` argument, or today (UTC) when omitted.</summary>
    public static DateOnly AsOf(IResolveFieldContext context, string name = "asOf")
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetArgument<DateOnly?>(name)
            ?? DateOnly.FromDateTime(context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
    }
}
