using GraphQL;
using GraphQL.Execution;

namespace Spm.GraphQL.AspNetCore.Execution;

/// <summary>Guarantees every error an <c>extensions.code</c>, so clients can branch without parsing messages.</summary>
internal sealed class TransportErrorInfoProvider(ErrorInfoProviderOptions options) : ErrorInfoProvider(options)
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        if (string.IsNullOrEmpty(executionError.Code))
        {
            executionError.Code = TransportErrorCodes.InternalServerError;
        }

        return base.GetInfo(executionError);
    }
}
