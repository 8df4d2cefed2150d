using Azure;

namespace Portal.Storage;

/// <summary>A table entity with the same PartitionKey and RowKey already exists (HTTP 409 EntityAlreadyExists).</summary>
public sealed class EntityAlreadyExistsException : RequestFailedException
{
    /// <summary>Creates the exception from the service's status, message and error code.</summary>
    /// <param name="status">HTTP status of the failed response.</param>
    /// <param name="message">What failed, with the service's message.</param>
    /// <param name="errorCode">The storage error code (e.g. <c>ConditionNotMet</c>), if any.</param>
    public EntityAlreadyExistsException(int status, string message, string? errorCode)
        : base(status, message, errorCode, null)
    {
    }
}
