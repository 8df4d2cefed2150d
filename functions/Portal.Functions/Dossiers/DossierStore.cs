using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Portal.Domain.Calendar;
using Portal.Domain.Lifecycle;
using Portal.Functions.Infrastructure;
using Portal.Functions.Lifecycle;

namespace Portal.Functions.Dossiers;

/// <summary>
/// Dossiers in Table storage, one partition per dossier (PK = dossier code):
/// <list type="bullet">
/// <item><c>dossier</c>: what was submitted plus the lifecycle state (optimistic concurrency by ETag);</item>
/// <item><c>evt-000001</c>...: the append-only history (each row one lifecycle event);</item>
/// <item><c>out-...</c>: messages owed (outbox), deleted by the relay once delivered.</item>
/// </list>
/// A change of state, the events it adds and the messages it owes are committed in ONE entity-group
/// transaction (the commit point, <see cref="TableTransactions.CommitAsync"/>): all are written or none is. Azure
/// Table transactions are atomic by contract; Azurite 3.37.0 rolls its $batch back too when any action fails
/// (proved by <c>TableTransactionTests</c> in tests/Portal.Stores.Tests). Instants are stored in UTC and read back in
/// Vietnam time (+07:00).
/// </summary>
public sealed class DossierStore(TableServiceClient tables)
{
    private const string StateRow = "dossier";
    private readonly TableClient _table = tables.GetTableClient(StorageNames.DossiersTable);

    /// <summary>Row key of a history event.</summary>
    public static string EventRow(int sequence) => $"evt-{sequence:D6}";

    /// <summary>Row key of an outbox message.</summary>
    public static string OutboxRow(int version, int index) => $"out-{version:D6}-{index:D2}";

    /// <summary>
    /// Writes a new dossier with its first events and messages, atomically; a <see cref="WriteConflictException"/>
    /// (<see cref="WriteConflictKind.AlreadyExists"/>) if it exists. Returns the row's ETag.
    /// </summary>
    public Task<ETag> CommitNewAsync(DossierRecord dossier, IReadOnlyList<DossierEvent> events, IReadOnlyList<OutboxMessage> outbox, CancellationToken ct) =>
        CommitAsync(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(dossier)), dossier.Code, events, outbox, ct);

    /// <summary>
    /// Replaces the dossier row if it still has <paramref name="etag"/>, appending events and messages, atomically.
    /// A stale ETag (412), or an event row someone appended first (409), throws <see cref="WriteConflictException"/>
    /// and writes nothing. Returns the row's new ETag.
    /// </summary>
    public Task<ETag> CommitChangeAsync(DossierRecord dossier, ETag etag, IReadOnlyList<DossierEvent> events, IReadOnlyList<OutboxMessage> outbox, CancellationToken ct) =>
        CommitAsync(new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(dossier), etag), dossier.Code, events, outbox, ct);

    private async Task<ETag> CommitAsync(TableTransactionAction state, string code, IReadOnlyList<DossierEvent> events, IReadOnlyList<OutboxMessage> outbox, CancellationToken ct)
    {
        var actions = new List<TableTransactionAction> { state };
        actions.AddRange(events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(code, e))));
        actions.AddRange(outbox.Select(m => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(code, m))));
        var etags = await _table.CommitAsync(actions, ct);
        return etags[0] ?? throw new InvalidOperationException("The Table service returned no ETag for the dossier row.");
    }

    /// <summary>The dossier, or null.</summary>
    public async Task<DossierRecord?> FindAsync(string code, CancellationToken ct)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(code, StateRow, cancellationToken: ct);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    /// <summary>The history, oldest first.</summary>
    public async Task<IReadOnlyList<DossierEvent>> HistoryAsync(string code, CancellationToken ct)
    {
        var events = new List<DossierEvent>();
        await foreach (var e in _table.QueryAsync<TableEntity>(RowsStartingWith(code, "evt-"), cancellationToken: ct))
        {
            events.Add(new DossierEvent(e.GetInt32("Sequence")!.Value, ReadEvent(e), e.GetString("Text") ?? ""));
        }
        return events.OrderBy(e => e.Sequence).ToList();
    }

    /// <summary>Messages still owed by a dossier (row key and message).</summary>
    public async Task<IReadOnlyList<(string RowKey, OutboxMessage Message)>> OutboxAsync(string code, CancellationToken ct)
    {
        var owed = new List<(string, OutboxMessage)>();
        await foreach (var e in _table.QueryAsync<TableEntity>(RowsStartingWith(code, "out-"), cancellationToken: ct))
        {
            owed.Add((e.RowKey, JsonSerializer.Deserialize<OutboxMessage>(e.GetString("Message")!, InfrastructureExtensions.Json)!));
        }
        return owed;
    }

    /// <summary>Removes a delivered message (already gone is fine).</summary>
    public Task DeleteOutboxAsync(string code, string rowKey, CancellationToken ct) => _table.DeleteEntityAsync(code, rowKey, ETag.All, ct);

    /// <summary>The rows of a dossier whose row key starts with a prefix ending in '-' (the next character is '.').</summary>
    private static string RowsStartingWith(string code, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {code} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "."}");

    private static TableEntity ToEntity(DossierRecord d) => new(d.Code, StateRow)
    {
        ["ProcedureCode"] = d.ProcedureCode,
        ["AgencyCode"] = d.AgencyCode,
        ["Status"] = d.Status.ToString(),
        ["ApplicantSubject"] = d.ApplicantSubject,
        ["ApplicantName"] = d.ApplicantName,
        ["ApplicantPhone"] = d.ApplicantPhone,
        ["Form"] = d.FormJson,
        ["Documents"] = JsonSerializer.Serialize(d.Documents, InfrastructureExtensions.Json),
        ["Lifecycle"] = JsonSerializer.Serialize(d.Lifecycle, InfrastructureExtensions.Json),
        ["Version"] = d.Lifecycle.Version,
    };

    private static TableEntity ToEntity(string code, DossierEvent e) => new(code, EventRow(e.Sequence))
    {
        ["Sequence"] = e.Sequence,
        ["Kind"] = e.Event.GetType().Name,
        ["At"] = e.Event.At,
        ["Actor"] = e.Event.Actor,
        ["Text"] = e.Text,
        ["Data"] = JsonSerializer.Serialize(e.Event, InfrastructureExtensions.Json),
    };

    private static TableEntity ToEntity(string code, OutboxMessage m) => new(code, OutboxRow(m.Version, m.Index))
    {
        ["Message"] = JsonSerializer.Serialize(m, InfrastructureExtensions.Json),
    };

    private static LifecycleEvent ReadEvent(TableEntity e)
    {
        var data = e.GetString("Data");
        if (data is not null && data.Contains("\"type\"", StringComparison.Ordinal))
        {
            return JsonSerializer.Deserialize<LifecycleEvent>(data, InfrastructureExtensions.Json)!;
        }
        // Upcaster: rows written before the lifecycle existed held only the submission, as "Submitted".
        var at = e.GetDateTimeOffset("At") ?? default;
        return new Submitted { At = at, Actor = e.GetString("Actor") ?? "", Role = OfficerRole.Citizen, ProvisionalAppointmentAt = at };
    }

    private static DossierRecord FromEntity(TableEntity e)
    {
        // Upcaster: dossier rows written before the lifecycle existed have no Lifecycle column; they were submitted only.
        var lifecycle = e.GetString("Lifecycle") is { } json
            ? JsonSerializer.Deserialize<DossierState>(json, InfrastructureExtensions.Json)!
            : new DossierState
            {
                Status = Domain.Dossiers.DossierStatus.Submitted,
                SubmittedAt = e.GetDateTimeOffset("SubmittedAt") ?? default,
                ProvisionalAppointmentAt = e.GetDateTimeOffset("AppointmentAt"),
                Version = e.GetInt32("Version") ?? 1,
            };
        return new DossierRecord
        {
            Code = e.PartitionKey,
            ProcedureCode = e.GetString("ProcedureCode")!,
            AgencyCode = e.GetString("AgencyCode")!,
            ApplicantSubject = e.GetString("ApplicantSubject")!,
            ApplicantName = e.GetString("ApplicantName")!,
            ApplicantPhone = e.GetString("ApplicantPhone")!,
            FormJson = e.GetString("Form")!,
            Documents = JsonSerializer.Deserialize<List<StoredDocument>>(e.GetString("Documents")!, InfrastructureExtensions.Json)!,
            Lifecycle = Normalize(lifecycle),
            ETag = e.ETag,
        };
    }

    // JSON keeps the offset it was written with; show every instant in Vietnam time.
    internal static DossierState Normalize(DossierState s) => s with
    {
        SubmittedAt = VietnamTime.Normalize(s.SubmittedAt),
        AppointmentAt = s.AppointmentAt is { } a ? VietnamTime.Normalize(a) : null,
        ProvisionalAppointmentAt = s.ProvisionalAppointmentAt is { } p ? VietnamTime.Normalize(p) : null,
    };
}
