using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>Several input errors at once (per-row import errors); like a DomainException, nothing is written.</summary>
public sealed class UserErrorsException : Exception
{
    public UserErrorsException(IReadOnlyList<UserError> errors)
        : base($"{errors?.Count ?? 0} input errors.") => Errors = errors ?? [];

    public UserErrorsException()
        : this([])
    {
    }

    public UserErrorsException(string message)
        : base(message) => Errors = [];

    public UserErrorsException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public IReadOnlyList<UserError> Errors { get; }
}
