using Azure;

namespace Portal.Storage;

/// <summary>A create-only blob upload (If-None-Match: *) found the blob already there (HTTP 409 BlobAlreadyExists, or 412 from some emulators).</summary>
public sealed class BlobAlreadyExistsException : RequestFailedException
{
    /// <summary>Creates the exception from the service's status, message and error code.</summary>
    /// <param name="status">HTTP status of the failed response.</param>
    /// <param name="message">What failed, with the service's message.</param>
    /// <param name="errorCode">The storage error code (e.g. <c>ConditionNotMet</c>), if any.</param>
    public BlobAlreadyExistsException(int status, string message, string? errorCode)
        : base(status, message, errorCode, null)
    {
    }
}
