using Azure;
using Azure.Data.Tables;

namespace Portal.Functions.Infrastructure;

/// <summary>
/// Maps the storage SDKs' refusals of a conditional write (<see cref="RequestFailedException"/> with status 409
/// or 412, <see cref="TableTransactionFailedException"/> with its failed action) to <see cref="WriteConflictException"/>.
/// Every store wraps its conditional writes in <see cref="WriteAsync{T}"/>; nothing else looks at those statuses.
/// </summary>
public static class StorageConflicts
{
    /// <summary>Runs a conditional write; a 409/412 refusal becomes a <see cref="WriteConflictException"/>.</summary>
    public static async Task<T> WriteAsync<T>(Func<Task<T>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (Map(e) is { } conflict)
        {
            throw conflict;
        }
    }

    /// <summary>Runs a conditional write; a 409/412 refusal becomes a <see cref="WriteConflictException"/>.</summary>
    public static Task WriteAsync(Func<Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return WriteAsync(async () =>
        {
            await write().ConfigureAwait(false);
            return true;
        });
    }

    /// <summary>The conflict a refusal means, or null when it is another failure (not found, throttled, ...).</summary>
    public static WriteConflictException? Map(RequestFailedException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var kind = e.Status switch
        {
            409 => WriteConflictKind.AlreadyExists,
            412 => WriteConflictKind.Changed,
            _ => (WriteConflictKind?)null,
        };
        if (kind is null) return null;
        var index = (e as TableTransactionFailedException)?.FailedTransactionActionIndex;
        return new WriteConflictException(kind.Value,
            $"Storage refused a conditional write ({e.Status} {e.ErrorCode}{(index is null ? "" : $", action {index}")}).", index, e);
    }
}
