namespace Spm.Domain.Live;

/// <summary>Where a contest is in its life. Stored by name; never renumber.</summary>
public enum ContestStatus
{
    /// <summary>Created, start in the future.</summary>
    Scheduled = 1,

    /// <summary>Between start and end; scores move.</summary>
    Running = 2,

    /// <summary>Ended; final standings frozen in PostgreSQL.</summary>
    Ended = 3,

    /// <summary>Called off before its end; no winners.</summary>
    Cancelled = 4,
}
