using Spm.Domain.Common;

namespace Spm.Domain.Organisation;

/// <summary>A person who sells or manages sellers: the payee of compensation.</summary>
public sealed class Participant : ITenantOwned
{
    public Participant(Guid id, Guid tenantId, string name, string email, ParticipantRole role, DateOnly hireDate, string payCurrency)
    {
        Id = id;
        TenantId = tenantId;
        Name = Guard.NotBlank(name, nameof(name), 200);
        Email = NormaliseEmail(email);
        Role = role;
        HireDate = hireDate;
        PayCurrency = CurrencyCode.Require(payCurrency, nameof(payCurrency));
        Status = ParticipantStatus.Active;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Lower-cased; unique within the tenant.</summary>
    public string Email { get; private set; }

    public ParticipantRole Role { get; private set; }

    public Guid? ManagerId { get; private set; }

    public Guid? TeamId { get; private set; }

    public DateOnly HireDate { get; private set; }

    public DateOnly? TerminationDate { get; private set; }

    public string PayCurrency { get; private set; }

    public ParticipantStatus Status { get; private set; }

    /// <summary>Reports to <paramref name="managerId"/>, refusing a cycle in the manager chain.</summary>
    public void ReportTo(Guid? managerId, Func<Guid, Guid?> managerOf)
    {
        HierarchyGuard.EnsureNoCycle(Id, managerId, managerOf, "manager", "managerId");
        ManagerId = managerId;
    }

    public void JoinTeam(Guid? teamId) => TeamId = teamId;

    public void Terminate(DateOnly date)
    {
        if (date < HireDate)
        {
            throw new DomainException("INVALID_DATE", "The termination date is before the hire date.", "terminationDate");
        }

        TerminationDate = date;
        Status = ParticipantStatus.Terminated;
    }

    private static string NormaliseEmail(string email)
    {
        var trimmed = Guard.NotBlank(email, nameof(email), 320).ToLowerInvariant();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < trimmed.Length - 1 && !trimmed.Contains(' ', StringComparison.Ordinal)
            ? trimmed
            : throw new DomainException("INVALID_EMAIL", $"'{email}' is not an email address.", "email");
    }
}
