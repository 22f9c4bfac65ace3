namespace Spm.Domain.Approvals;

/// <summary>An approval action that is not allowed now or not by this person; <see cref="Code"/> is stable for the API.</summary>
public sealed class ApprovalException : Exception
{
    public ApprovalException()
    {
        Code = "APPROVAL_INVALID";
    }

    public ApprovalException(string message)
        : base(message)
    {
        Code = "APPROVAL_INVALID";
    }

    public ApprovalException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "APPROVAL_INVALID";
    }

    public ApprovalException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}
