using Azure;

namespace Portal.Storage;

/// <summary>The resource changed since it was read: the If-Match ETag no longer matches (HTTP 412). Re-read and retry the change.</summary>
public sealed class ConcurrencyConflictException : RequestFailedException
{
    /// <summary>Creates the exception from the service's status, message and error code.</summary>
    /// <param name="status">HTTP status of the failed response.</param>
    /// <param name="message">What failed, with the service's message.</param>
    /// <param name="errorCode">The storage error code (e.g. <c>ConditionNotMet</c>), if any.</param>
    public ConcurrencyConflictException(int status, string message, string? errorCode)
        : base(status, message, errorCode, null)
    {
    }
}
