namespace Portal.Functions.Infrastructure;

/// <summary>
/// Our one conflict: a conditional write lost to another writer. The stores raise it (through
/// <see cref="StorageConflicts"/>, the only place that reads the SDK's status codes); callers retry, re-read or
/// answer 409 (<see cref="ProblemExceptionHandler"/>).
/// </summary>
public sealed class WriteConflictException(WriteConflictKind kind, string message, int? failedActionIndex = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>Exists already, or changed since read.</summary>
    public WriteConflictKind Kind { get; } = kind;

    /// <summary>In a transaction, the index of the action that was refused (the whole transaction was rolled back).</summary>
    public int? FailedActionIndex { get; } = failedActionIndex;
}
