namespace Spm.Domain.Compensation;

/// <summary>
/// The canonical order of credits: posting date, close date, credit id. Marginal tiers fill in this order, so the
/// order credits arrive in never changes which credit lands in which tier.
/// </summary>
internal sealed class CreditOrder : IComparer<CompCredit>
{
    public static readonly CreditOrder Instance = new();

    public int Compare(CompCredit x, CompCredit y)
    {
        var c = x.PostingDate.DayNumber.CompareTo(y.PostingDate.DayNumber);
        if (c != 0)
        {
            return c;
        }

        c = x.CloseDate.DayNumber.CompareTo(y.CloseDate.DayNumber);
        return c != 0 ? c : x.CreditId.CompareTo(y.CreditId);
    }
}
