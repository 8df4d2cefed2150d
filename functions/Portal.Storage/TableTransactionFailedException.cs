using Azure;

namespace Portal.Storage;

/// <summary>
/// An entity group transaction (<c>$batch</c>) was rejected. <see cref="FailedActionIndex"/> is the
/// zero-based index of the action that failed (as reported by the service), <see cref="RequestFailedException.Status"/>
/// and <see cref="RequestFailedException.ErrorCode"/> are that action's status and error code
/// (e.g. 409 <c>EntityAlreadyExists</c>, 412 <c>UpdateConditionNotSatisfied</c>, 404 <c>ResourceNotFound</c>).
/// </summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">HTTP status of the failed action.</param>
    /// <param name="message">What failed, with the service's message.</param>
    /// <param name="errorCode">The storage error code, if any.</param>
    /// <param name="failedActionIndex">Zero-based index of the failed action, or null when the service did not say.</param>
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedActionIndex)
        : base(status, message, errorCode, null)
    {
        FailedActionIndex = failedActionIndex;
    }

    /// <summary>Zero-based index of the failed action in the submitted list, or null when unknown.</summary>
    public int? FailedActionIndex { get; }
}
