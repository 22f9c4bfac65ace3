namespace Spm.Infrastructure.Sales;

/// <summary>Why one input row was refused: its row (index or file row), the field and a stable code.</summary>
public sealed record RowError(int Row, string Field, string Code, string Message);
