namespace Spm.Domain.Organisation;

/// <summary>Marks a row that belongs to exactly one tenant; persistence filters every query by it.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
