using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Domain.Contests;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Contests;

/// <summary>
/// Which contests a caller may see: admins all (hidden test contests included); a paired screen only the non-hidden
/// contests its allowed boards name; everyone else the non-hidden ones.
/// </summary>
public static class ContestVisibility
{
    /// <summary>Narrows <c>contests</c> to what <paramref name="caller"/> may see, in SQL (so paging counts only visible ones).</summary>
    public static async Task<Func<IQueryable<Contest>, IQueryable<Contest>>> FilterAsync(Caller caller, SpmDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(db);
        if (caller.Role == SpmRoles.Admin)
        {
            return q => q;
        }

        if (caller.Role == SpmRoles.Display)
        {
            var displayId = caller.DisplayId;
            var display = displayId is null ? null : await db.Displays.AsNoTracking().SingleOrDefaultAsync(d => d.Id == displayId && d.UnpairedAt == null, cancellationToken);
            var boards = display?.AllowedBoards.ToArray() ?? [];
            return q => q.Where(c => !c.Hidden && boards.Contains(c.Key));
        }

        return q => q.Where(c => !c.Hidden);
    }
}
