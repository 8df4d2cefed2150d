using Azure;

namespace Portal.Storage;

/// <summary>The table entity to update or delete does not exist (HTTP 404 ResourceNotFound).</summary>
public sealed class EntityNotFoundException : RequestFailedException
{
    /// <summary>Creates the exception from the service's status, message and error code.</summary>
    /// <param name="status">HTTP status of the failed response.</param>
    /// <param name="message">What failed, with the service's message.</param>
    /// <param name="errorCode">The storage error code (e.g. <c>ConditionNotMet</c>), if any.</param>
    public EntityNotFoundException(int status, string message, string? errorCode)
        : base(status, message, errorCode, null)
    {
    }
}
