namespace Spm.Domain.Compensation;

/// <summary>
/// A credit behind a statement line and the part of the line's basis it contributed (in the line's currency),
/// so a rep can check the line and a clawback can take back exactly what the credit earned.
/// </summary>
public readonly record struct LineSource(Guid CreditId, Guid SaleId, decimal Basis);
