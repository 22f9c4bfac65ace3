namespace Spm.Domain.Common;

/// <summary>
/// A business rule was broken. <see cref="Code"/> is stable (clients branch on it) and
/// <see cref="Field"/> names the offending input where there is one.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message, string? field = null)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    public DomainException(string code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    public DomainException()
        : this("DOMAIN_ERROR", "A business rule was broken.")
    {
    }

    public DomainException(string message)
        : this("DOMAIN_ERROR", message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException) => Code = "DOMAIN_ERROR";

    public string Code { get; }

    public string? Field { get; }
}
