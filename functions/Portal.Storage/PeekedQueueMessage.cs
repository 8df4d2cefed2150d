namespace Portal.Storage;

/// <summary>A message seen without receiving it (no pop receipt; its visibility is unchanged).</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="Text">The message text.</param>
/// <param name="DequeueCount">How many times it has been received.</param>
/// <param name="InsertedOn">When the message was enqueued.</param>
/// <param name="ExpiresOn">When it expires.</param>
public sealed record PeekedQueueMessage(string MessageId, string Text, long DequeueCount, DateTimeOffset InsertedOn, DateTimeOffset ExpiresOn);
