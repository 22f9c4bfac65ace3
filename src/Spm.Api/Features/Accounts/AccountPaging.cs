using GraphQL;
using Spm.Api.Features.Relay;
using Spm.Api.Features.Territories;
using Spm.Domain.Accounts;

namespace Spm.Api.Features.Accounts;

/// <summary>Keyset paging over accounts by (name, id), in the database or over a cached membership.</summary>
public static class AccountPaging
{
    public static (int First, (string Name, Guid Id)? After) Arguments(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var first = PageArguments.First(context, AccountConnectionGraphType.MaxPageSize);

        var after = context.GetArgument<string?>("after");
        if (after is null)
        {
            return (first, null);
        }

        return Cursor.TryDecode(after, out var name, out var id)
            ? (first, (name, id))
            : throw new ExecutionError("`after` is not a cursor returned by this field.") { Code = "INVALID_ARGUMENT" };
    }

    public static Connection<Account> Page(IReadOnlyList<Account> rows, int first, bool hasPrevious, int total)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var page = rows.Take(first).Select(a => new Edge<Account>(Cursor.Encode(a.Name, a.Id), a)).ToList();
        return new Connection<Account>(page, new PageInfo(rows.Count > first, hasPrevious, page.FirstOrDefault()?.Cursor, page.LastOrDefault()?.Cursor), total);
    }

    /// <summary>A page of the accounts at <paramref name="positions"/> (ascending positions in the membership's order).</summary>
    public static async Task<Connection<Account>> FromMembershipAsync(
        IResolveFieldContext context, TerritoryMembership membership, IReadOnlyList<int> positions, int first, (string Name, Guid Id)? after, string? search)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentNullException.ThrowIfNull(positions);
        IEnumerable<int> candidates = positions;
        if (search is not null)
        {
            candidates = candidates.Where(i => membership.Names[i].Contains(search, StringComparison.OrdinalIgnoreCase));
        }

        var list = candidates.ToList();
        var total = list.Count;
        if (after is { } cursor)
        {
            list = [.. list.Where(i => Compare(membership.Names[i], membership.Accounts[i].AccountId, cursor) > 0)];
        }

        var ids = list.Take(first + 1).Select(i => membership.Accounts[i].AccountId).ToList();
        var loader = context.RequestServices!.GetRequiredService<AccountDataLoaders>().AccountById;
        var loaded = ids.Select(id => loader.LoadAsync(id)).ToList();
        var rows = new List<Account>(ids.Count);
        foreach (var pending in loaded)
        {
            // An account deleted since the membership was cached simply drops out of the page.
            if (await pending.GetResultAsync(context.CancellationToken) is { } account)
            {
                rows.Add(account);
            }
        }

        return Page(rows, first, after is not null, total);
    }

    private static int Compare(string name, Guid id, (string Name, Guid Id) cursor)
    {
        var byName = string.CompareOrdinal(name, cursor.Name);
        return byName != 0 ? byName : UuidOrder.Instance.Compare(id, cursor.Id);
    }
}
