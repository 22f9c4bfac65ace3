using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Relay;
using Spm.Api.Features.Territories;
using Spm.Domain.Accounts;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Accounts;

/// <summary>Root fields over accounts.</summary>
public static class AccountQueries
{
    public static void Register(ObjectGraphType query, NodeRegistry nodes)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(nodes);
        nodes.Add(AccountGraphType.TypeName, Capability.ReadPlanning, (s, id) => s.GetRequiredService<AccountDataLoaders>().AccountById.LoadAsync(id));

        query.Field<NonNullGraphType<AccountConnectionGraphType>>("accounts")
            .Requires(Capability.ReadPlanning)
            .Description("Accounts of the tenant ordered by name (ordinal), a page at a time.")
            .Argument<NonNullGraphType<IntGraphType>>("first", $"Page size, 1 to {AccountConnectionGraphType.MaxPageSize}.")
            .Argument<StringGraphType>("after", "Return items after this cursor (`pageInfo.endCursor` of the previous page).")
            .Argument<StringGraphType>("search", "Case-insensitive text contained in the name or external id.")
            .Argument<IdGraphType>("territoryId", "Only accounts in this territory or below it, today (by rules and overrides).")
            .ResolveAsync(async c => await AccountsAsync(c));

        query.Field<AccountGraphType>("account")
            .Requires(Capability.ReadPlanning)
            .Description("One account by global id; null when not found.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Global id of the account.")
            .Resolve(c => GlobalId.TryDecode(c.GetArgument<string>("id"), AccountGraphType.TypeName) is { } id
                ? c.RequestServices!.GetRequiredService<AccountDataLoaders>().AccountById.LoadAsync(id)
                : null);
    }

    private static async Task<Connection<Account>> AccountsAsync(IResolveFieldContext context)
    {
        var (first, after) = AccountPaging.Arguments(context);
        var search = context.GetArgument<string?>("search") is { Length: > 0 } s ? s.Trim() : null;
        if (context.GetArgument<string?>("territoryId") is { } territoryGlobalId)
        {
            var territoryId = GlobalId.TryDecode(territoryGlobalId, TerritoryGraphType.TypeName) ?? Guid.Empty;
            var asOf = TerritoryReads.AsOf(context);
            var membership = await TerritoryReads.MembershipAsync(context, asOf);
            return await AccountPaging.FromMembershipAsync(context, membership, membership.MembersOf(territoryId), first, after, search);
        }

        await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var query = db.Accounts.AsNoTracking();
        if (search is not null)
        {
            var pattern = "%" + search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(a => EF.Functions.ILike(a.Name, pattern, "\\") || EF.Functions.ILike(a.ExternalId, pattern, "\\"));
        }

        var wantsTotal = context.SubFields?.Values.Any(f => f.FieldType.Name == "totalCount") == true;
        var total = wantsTotal ? await query.CountAsync(context.CancellationToken) : 0;
        if (after is { } cursor)
        {
#pragma warning disable CA1309 // The column's collation is "C", so SQL '>' is ordinal, like the ORDER BY.
            query = query.Where(a => string.Compare(a.Name, cursor.Name) > 0 || (a.Name == cursor.Name && a.Id > cursor.Id));
#pragma warning restore CA1309
        }

        var rows = await query.OrderBy(a => a.Name).ThenBy(a => a.Id).Take(first + 1).ToListAsync(context.CancellationToken);
        return AccountPaging.Page(rows, first, after is not null, total);
    }
}
