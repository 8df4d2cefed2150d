using Azure.Data.Tables;
using Portal.Functions.Infrastructure;

namespace Portal.Functions.Lifecycle;

/// <summary>The port messages leave through. The next issue's adapter fans them out (email, SMS, Service Bus).</summary>
public interface IMessagePublisher
{
    /// <summary>Delivers a message; delivering the same <see cref="OutboxMessage.Id"/> twice has no further effect.</summary>
    Task PublishAsync(OutboxMessage message, DateTimeOffset at, CancellationToken ct);
}

/// <summary>A delivered message, as the dossier's notifications list shows it.</summary>
public sealed record Notification(string Id, Audience Audience, string Topic, string Text, DateTimeOffset At);

/// <summary>
/// Local adapter of the message port: a notifications log in Table storage (PK = dossier code, RK = message id).
/// Insert-if-absent makes delivery idempotent, so the relay's at-least-once becomes exactly-once here.
/// </summary>
public sealed class NotificationLog(TableServiceClient tables) : IMessagePublisher
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.NotificationsTable);

    /// <inheritdoc />
    public async Task PublishAsync(OutboxMessage message, DateTimeOffset at, CancellationToken ct)
    {
        try
        {
            await StorageConflicts.WriteAsync(() => _table.AddEntityAsync(new TableEntity(message.DossierCode, message.Id)
            {
                ["Audience"] = message.Audience.ToString(),
                ["Topic"] = message.Topic,
                ["Text"] = message.Text,
                ["At"] = at,
            }, ct));
        }
        catch (WriteConflictException)
        {
            // Delivered before (the relay retried after a crash): nothing more to do.
        }
    }

    /// <summary>The messages delivered for a dossier, oldest first.</summary>
    public async Task<IReadOnlyList<Notification>> ForDossierAsync(string code, CancellationToken ct)
    {
        var list = new List<Notification>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {code}"), cancellationToken: ct))
        {
            list.Add(new Notification(e.RowKey, Enum.Parse<Audience>(e.GetString("Audience")), e.GetString("Topic"), e.GetString("Text"),
                e.GetDateTimeOffset("At")!.Value));
        }
        return list.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
    }
}
