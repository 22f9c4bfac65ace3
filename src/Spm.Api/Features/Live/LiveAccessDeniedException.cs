namespace Spm.Api.Features.Live;

/// <summary>A viewer asked to follow something its role does not allow; the message says what and why.</summary>
public sealed class LiveAccessDeniedException(string message) : Exception(message)
{
    public LiveAccessDeniedException()
        : this("Access denied.")
    {
    }

    public LiveAccessDeniedException(string message, Exception innerException)
        : this(message + " " + innerException?.Message)
    {
    }
}
