namespace Spm.Domain.Quotas;

/// <summary>One recipient of a top-down split. The weight is whatever basis the caller chose (potential, prior actuals, custom).</summary>
public sealed record AllocationChild(string Id, decimal Weight);
