namespace Spm.Domain.Common;

/// <summary>Argument checks that fail with a <see cref="DomainException"/> naming the field.</summary>
public static class Guard
{
    public static string NotBlank(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException("REQUIRED", $"{field} must not be empty.", field);
        }

        var trimmed = value.Trim();
        return trimmed.Length <= maxLength
            ? trimmed
            : throw new DomainException("TOO_LONG", $"{field} is longer than {maxLength} characters.", field);
    }
}
