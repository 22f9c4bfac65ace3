using Spm.Domain.Common;

namespace Spm.Api.Graph;

/// <summary>
/// A refusal a user can act on (bad input, a broken business rule), returned in a mutation's
/// payload rather than as a GraphQL error, so clients can show it next to the offending field.
/// </summary>
public sealed record UserError(string Code, string Message, IReadOnlyList<string> Field)
{
    public static UserError From(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(exception.Code, exception.Message, exception.Field is null ? [] : exception.Field.Split('.'));
    }
}
