namespace Spm.Domain.Territories;

/// <summary>An invalid territory set-up (rule, hierarchy, override); <see cref="Code"/> is stable, the message names the culprit.</summary>
public sealed class TerritoryValidationException : Exception
{
    public TerritoryValidationException()
    {
        Code = "TERRITORY_INVALID";
    }

    public TerritoryValidationException(string message)
        : base(message)
    {
        Code = "TERRITORY_INVALID";
    }

    public TerritoryValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "TERRITORY_INVALID";
    }

    public TerritoryValidationException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}
