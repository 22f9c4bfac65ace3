namespace Spm.Domain.Planning;

/// <summary>Where a sales plan is in its life.</summary>
public enum SalesPlanStatus
{
    Draft,
    Active,
    Closed,
}
