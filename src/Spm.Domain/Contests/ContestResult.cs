using Spm.Domain.Organisation;

namespace Spm.Domain.Contests;

/// <summary>One frozen row of an ended contest's final standings; written once, in the transaction that ends it.</summary>
public sealed class ContestResult : ITenantOwned
{
    public ContestResult(Guid tenantId, Guid contestId, int rank, Guid subjectId, string displayName, decimal score, DateTimeOffset? finishedAt, Guid? opponentId, string? prize)
    {
        TenantId = tenantId;
        ContestId = contestId;
        Rank = rank;
        SubjectId = subjectId;
        DisplayName = displayName;
        Score = score;
        FinishedAt = finishedAt;
        OpponentId = opponentId;
        Prize = prize;
    }

    // For EF Core.
    private ContestResult()
    {
        DisplayName = string.Empty;
    }

    public Guid TenantId { get; private set; }

    public Guid ContestId { get; private set; }

    public int Rank { get; private set; }

    public Guid SubjectId { get; private set; }

    /// <summary>The name at the end, kept so a renamed or departed participant still shows as they competed.</summary>
    public string DisplayName { get; private set; }

    public decimal Score { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public Guid? OpponentId { get; private set; }

    /// <summary>The prize won, when the subject is a winner of a place with a prize.</summary>
    public string? Prize { get; private set; }
}
