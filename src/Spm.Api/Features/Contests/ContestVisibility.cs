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
    public static async Task<Func<Contest, bool>> FilterAsync(Caller caller, SpmDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(db);
        if (caller.Role == SpmRoles.Admin)
        {
            return _ => true;
        }

        if (caller.Role == SpmRoles.Display)
        {
            var displayId = caller.DisplayId;
            var display = displayId is null ? null : await db.Displays.AsNoTracking().SingleOrDefaultAsync(d => d.Id == displayId && d.UnpairedAt == null, cancellationToken);
            var boards = display?.AllowedBoards.ToHashSet(StringComparer.Ordinal) ?? [];
            return c => !c.Hidden && boards.Contains(c.Key);
        }

        return c => !c.Hidden;
    }
}
