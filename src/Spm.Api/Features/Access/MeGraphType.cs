using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Features.Organisation;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Access;

/// <summary>The signed-in caller.</summary>
public sealed class MeGraphType : ObjectGraphType<CallerView>
{
    public MeGraphType()
    {
        Name = "Me";
        Description = "Who the token belongs to and what it may do.";
        Field<NonNullGraphType<StringGraphType>>("subject").Description("The token's subject: a user id, a client id or a display id.").Resolve(c => c.Source.Subject);
        Field<NonNullGraphType<CallerKindGraphType>>("kind").Description("Person, client or display.").Resolve(c => c.Source.Kind);
        Field<AccessRoleGraphType>("role").Description("The access role that decides what the caller may do; null for a token without a known role.").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scopes")
            .Description("OAuth scopes the token was granted, sorted; a capability needs both the role and its scope.")
            .Resolve(c => c.Source.Scopes);
        Field<NonNullGraphType<TenantGraphType>>("tenant").Description("The organisation the caller acts for (always the token's, never an argument's).")
            .ResolveAsync(async c =>
            {
                await using var db = await c.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(c.CancellationToken);
                // A token can outlive its tenant; it then sees nothing, and says why.
                return await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == c.Source.TenantId, c.CancellationToken)
                    ?? throw new ExecutionError("The caller's tenant does not exist.") { Code = "NOT_FOUND" };
            });
        Field<ParticipantGraphType>("participant").Description("For a person: the participant they are; null for clients, screens and people not linked to one.")
            .Resolve(c => c.Source.ParticipantId is { } id ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(id) : null);
        Field<DisplayGraphType>("display").Description("For a paired screen: the display, with the boards it may show; null for everyone else.")
            .ResolveAsync(async c =>
            {
                if (c.Source.DisplayId is not { } id)
                {
                    return null;
                }

                await using var db = await c.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(c.CancellationToken);
                return await db.Displays.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, c.CancellationToken);
            });
    }
}
