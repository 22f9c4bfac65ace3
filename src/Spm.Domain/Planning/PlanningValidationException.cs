namespace Spm.Domain.Planning;

/// <summary>Plan assumptions that make no sense; <see cref="Code"/> is stable and the message names the faulty input.</summary>
public sealed class PlanningValidationException : Exception
{
    public PlanningValidationException()
    {
        Code = "PLAN_INVALID";
    }

    public PlanningValidationException(string message)
        : base(message)
    {
        Code = "PLAN_INVALID";
    }

    public PlanningValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "PLAN_INVALID";
    }

    public PlanningValidationException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}
