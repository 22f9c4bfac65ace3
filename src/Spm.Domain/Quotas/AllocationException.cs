namespace Spm.Domain.Quotas;

/// <summary>An allocation request that cannot be honoured; <see cref="Code"/> is stable so the API can map it to a user error.</summary>
public sealed class AllocationException : Exception
{
    public AllocationException()
    {
        Code = "ALLOCATION_INVALID";
    }

    public AllocationException(string message)
        : base(message)
    {
        Code = "ALLOCATION_INVALID";
    }

    public AllocationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "ALLOCATION_INVALID";
    }

    public AllocationException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public AllocationException(string code, string message, Exception innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    public string Code { get; }
}
