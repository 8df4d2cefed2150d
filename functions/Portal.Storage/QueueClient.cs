using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Portal.Storage;

/// <summary>
/// One storage queue (Queue service REST, XML). Message text is UTF-8, base64-encoded on the wire (as the
/// Azure SDKs and the Functions queue trigger expect), so any text is safe. Delivery is at-least-once: a
/// received message reappears after its visibility timeout unless deleted, so consumers must be idempotent.
/// Get one from <see cref="StorageAccount.GetQueueClient"/>.
/// </summary>
public sealed class QueueClient
{
    /// <summary>Largest message text accepted: 64 KiB once base64-encoded, i.e. 48 KiB of UTF-8.</summary>
    public const int MaxMessageBytes = 48 * 1024;

    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);
    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;

    internal QueueClient(HttpPipeline pipeline, Uri endpoint, string queueName)
    {
        _pipeline = pipeline;
        _endpoint = endpoint;
        Name = StorageNameRules.ContainerOrQueue(queueName, "queue");
    }

    /// <summary>The queue name.</summary>
    public string Name { get; }

    /// <summary>Creates the queue; returns false when it already existed.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = StorageRequests.Create(_pipeline, RequestMethod.Put, _endpoint, "/" + Name);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            201 => true,
            204 or 409 => false,
            _ => throw StorageErrors.Create(response, $"Create queue '{Name}'"),
        };
    }

    /// <summary>Enqueues a message.</summary>
    /// <param name="text">Any text up to <see cref="MaxMessageBytes"/> bytes of UTF-8.</param>
    /// <param name="visibilityDelay">Keep the message invisible this long first (0 to 7 days); null for none.</param>
    /// <param name="timeToLive">Expire after this long; null for the service default (7 days); <see cref="Timeout.InfiniteTimeSpan"/> never expires.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<QueueSendReceipt> SendAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (visibilityDelay is { } delay && (delay < TimeSpan.Zero || delay > MaxVisibility))
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityDelay), delay, "The visibility delay must be between 0 and 7 days.");
        }
        if (timeToLive is { } ttl && ttl != Timeout.InfiniteTimeSpan && ttl < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(timeToLive), ttl, "The time-to-live must be at least one second, or infinite.");
        }
        using var message = StorageRequests.Create(_pipeline, RequestMethod.Post, _endpoint, $"/{Name}/messages",
            ("visibilitytimeout", visibilityDelay is { } d ? Seconds(d) : null),
            ("messagettl", timeToLive is { } t ? (t == Timeout.InfiniteTimeSpan ? "-1" : Seconds(t)) : null));
        SetTextBody(message, text);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 201) throw StorageErrors.Create(response, $"Send to '{Name}'");
        var element = Messages(response).FirstOrDefault()
            ?? throw new RequestFailedException(response.Status, "The Queue service returned no message for a send.", null, null);
        return new QueueSendReceipt(Value(element, "MessageId"), Value(element, "PopReceipt"),
            Date(element, "InsertionTime"), Date(element, "ExpirationTime"), Date(element, "TimeNextVisible"));
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> visible messages and hides them for <paramref name="visibilityTimeout"/>.</summary>
    /// <param name="maxMessages">1 to 32.</param>
    /// <param name="visibilityTimeout">How long the messages stay hidden (1 second to 7 days); null for 30 seconds.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The messages; empty when none is visible.</returns>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        ValidateCount(maxMessages);
        var timeout = visibilityTimeout ?? TimeSpan.FromSeconds(30);
        ValidateVisibility(timeout, nameof(visibilityTimeout));
        using var message = StorageRequests.Create(_pipeline, RequestMethod.Get, _endpoint, $"/{Name}/messages",
            ("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture)),
            ("visibilitytimeout", Seconds(timeout)));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200) throw StorageErrors.Create(response, $"Receive from '{Name}'");
        return Messages(response).Select(e => new QueueMessage(Value(e, "MessageId"), Value(e, "PopReceipt"), DecodeText(Value(e, "MessageText")),
            long.Parse(Value(e, "DequeueCount"), CultureInfo.InvariantCulture),
            Date(e, "InsertionTime"), Date(e, "ExpirationTime"), Date(e, "TimeNextVisible"))).ToList();
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> visible messages without receiving them.</summary>
    /// <param name="maxMessages">1 to 32.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<PeekedQueueMessage>> PeekAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        ValidateCount(maxMessages);
        using var message = StorageRequests.Create(_pipeline, RequestMethod.Get, _endpoint, $"/{Name}/messages",
            ("peekonly", "true"), ("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture)));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200) throw StorageErrors.Create(response, $"Peek '{Name}'");
        return Messages(response).Select(e => new PeekedQueueMessage(Value(e, "MessageId"), DecodeText(Value(e, "MessageText")),
            long.Parse(Value(e, "DequeueCount"), CultureInfo.InvariantCulture), Date(e, "InsertionTime"), Date(e, "ExpirationTime"))).ToList();
    }

    /// <summary>Deletes a received message; returns false when it was already gone.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="popReceipt">The pop receipt of the latest receive or update.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        using var message = StorageRequests.Create(_pipeline, RequestMethod.Delete, _endpoint, MessagePath(messageId), ("popreceipt", Required(popReceipt)));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw StorageErrors.Create(response, $"Delete message from '{Name}'"),
        };
    }

    /// <summary>
    /// Changes a received message's visibility (e.g. to retry it later, or to extend processing time) and
    /// optionally its text; returns the new pop receipt (the old one stops working).
    /// </summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="popReceipt">The pop receipt of the latest receive or update.</param>
    /// <param name="visibilityTimeout">Hide the message this long from now (0 to 7 days).</param>
    /// <param name="newText">New text, or null to keep the current text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<string> UpdateAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? newText = null, CancellationToken cancellationToken = default)
    {
        if (visibilityTimeout < TimeSpan.Zero || visibilityTimeout > MaxVisibility)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), visibilityTimeout, "The visibility timeout must be between 0 and 7 days.");
        }
        using var message = StorageRequests.Create(_pipeline, RequestMethod.Put, _endpoint, MessagePath(messageId),
            ("popreceipt", Required(popReceipt)), ("visibilitytimeout", Seconds(visibilityTimeout)));
        if (newText is not null) SetTextBody(message, newText);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204) throw StorageErrors.Create(response, $"Update message in '{Name}'");
        return response.Headers.TryGetValue("x-ms-popreceipt", out var receipt)
            ? receipt
            : throw new RequestFailedException(response.Status, "The Queue service returned no pop receipt for an update.", null, null);
    }

    private string MessagePath(string messageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return $"/{Name}/messages/{Uri.EscapeDataString(messageId)}";
    }

    private static string Required(string popReceipt)
    {
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        return popReceipt;
    }

    private static void SetTextBody(HttpMessage message, string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        if (utf8.Length > MaxMessageBytes)
        {
            throw new ArgumentException($"A queue message holds at most {MaxMessageBytes} bytes of UTF-8; this one has {utf8.Length}.", nameof(text));
        }
        var xml = new XElement("QueueMessage", new XElement("MessageText", Convert.ToBase64String(utf8)));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(xml.ToString(SaveOptions.DisableFormatting)));
    }

    // Text we sent is base64; a message written by another tool as plain text is returned as is.
    private static string DecodeText(string wire)
    {
        var buffer = new byte[wire.Length];
        return Convert.TryFromBase64String(wire, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : wire;
    }

    private static IEnumerable<XElement> Messages(Response response) =>
        XDocument.Parse(response.Content.ToString()).Root?.Elements("QueueMessage") ?? [];

    private static string Value(XElement element, string name) => element.Element(name)?.Value ?? "";

    private static DateTimeOffset Date(XElement element, string name) =>
        DateTimeOffset.Parse(Value(element, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string Seconds(TimeSpan value) => ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static void ValidateCount(int maxMessages)
    {
        if (maxMessages is < 1 or > 32) throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, "Between 1 and 32 messages.");
    }

    private static void ValidateVisibility(TimeSpan value, string parameter)
    {
        if (value < TimeSpan.FromSeconds(1) || value > MaxVisibility)
        {
            throw new ArgumentOutOfRangeException(parameter, value, "The visibility timeout must be between 1 second and 7 days.");
        }
    }

    private Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken) =>
        StorageRequests.SendAsync(_pipeline, message, cancellationToken);
}
