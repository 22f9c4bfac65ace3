namespace Spm.Domain.Compensation;

/// <summary>
/// The canonical order of credits: posting date, close date, credit id. Marginal tiers fill in this order, so the
/// order credits arrive in never changes which credit lands in which tier. A small key sorted beside an index,
/// because moving the credits themselves (over a hundred bytes each) costs more than comparing them.
/// </summary>
internal readonly struct CreditKey : IComparable<CreditKey>
{
    private readonly long days;
    private readonly Guid id;

    public CreditKey(in CompCredit credit)
    {
        days = ((long)credit.PostingDate.DayNumber << 32) | (uint)credit.CloseDate.DayNumber;
        id = credit.CreditId;
    }

    public int CompareTo(CreditKey other)
    {
        var c = days.CompareTo(other.days);
        return c != 0 ? c : id.CompareTo(other.id);
    }
}
