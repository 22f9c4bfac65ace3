namespace Spm.Domain.Quotas;

/// <summary>Who or what carries a quota.</summary>
public enum QuotaSubjectKind
{
    Participant,
    Team,
    Territory,
}
