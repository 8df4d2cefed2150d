namespace Portal.Storage;

/// <summary>A received message, hidden from other receivers until <see cref="NextVisibleOn"/>.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="PopReceipt">Proof of this receive, needed to delete or update the message.</param>
/// <param name="Text">The message text (decoded from the base64 we put on the wire).</param>
/// <param name="DequeueCount">How many times the message has been received, this time included.</param>
/// <param name="InsertedOn">When the message was enqueued.</param>
/// <param name="ExpiresOn">When it expires.</param>
/// <param name="NextVisibleOn">When it reappears unless deleted or updated first.</param>
public sealed record QueueMessage(string MessageId, string PopReceipt, string Text, long DequeueCount,
    DateTimeOffset InsertedOn, DateTimeOffset ExpiresOn, DateTimeOffset NextVisibleOn);
