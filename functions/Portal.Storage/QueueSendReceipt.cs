namespace Portal.Storage;

/// <summary>What the Queue service answered to a send.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="PopReceipt">Pop receipt allowing a delete or update before the message is first received.</param>
/// <param name="InsertedOn">When the message was enqueued.</param>
/// <param name="ExpiresOn">When it expires (its time-to-live).</param>
/// <param name="NextVisibleOn">When it becomes visible to receivers (later than now with a visibility delay).</param>
public sealed record QueueSendReceipt(string MessageId, string PopReceipt, DateTimeOffset InsertedOn, DateTimeOffset ExpiresOn, DateTimeOffset NextVisibleOn);
