using System.Text.Json;
using Portal.Domain.Calendar;
using Portal.Domain.Lifecycle;
using Portal.Functions.Infrastructure;
using Portal.Functions.Lifecycle;
using Portal.Storage;

namespace Portal.Functions.Dossiers;

/// <summary>
/// Dossiers in Table storage, one partition per dossier (PK = dossier code):
/// <list type="bullet">
/// <item><c>dossier</c>: what was submitted plus the lifecycle state (optimistic concurrency by ETag);</item>
/// <item><c>evt-000001</c>...: the append-only history (each row one lifecycle event);</item>
/// <item><c>out-...</c>: messages owed (outbox), deleted by the relay once delivered.</item>
/// </list>
/// A change of state, the events it adds and the messages it owes are committed in ONE entity-group
/// transaction (the commit point): all are written or none is. Azure Table transactions are atomic by
/// contract; Azurite 3.37.0 rolls its $batch back too when any action fails (proved by
/// <c>TableTransactionTests</c> in tests/Portal.Storage.Tests). Instants are stored in UTC and read back in
/// Vietnam time (+07:00).
/// </summary>
public sealed class DossierStore(StorageAccount account)
{
    private const string StateRow = "dossier";
    private readonly TableClient _table = account.GetTableClient(StorageNames.DossiersTable);

    /// <summary>Row key of a history event.</summary>
    public static string EventRow(int sequence) => $"evt-{sequence:D6}";

    /// <summary>Row key of an outbox message.</summary>
    public static string OutboxRow(int version, int index) => $"out-{version:D6}-{index:D2}";

    /// <summary>Writes a new dossier with its first events and messages; <see cref="EntityAlreadyExistsException"/> if it exists.</summary>
    public Task<string> CommitNewAsync(DossierRecord dossier, IReadOnlyList<DossierEvent> events, IReadOnlyList<OutboxMessage> outbox, CancellationToken ct) =>
        CommitAsync(TableTransactionAction.Insert(ToEntity(dossier)), dossier.Code, events, outbox, ct);

    /// <summary>
    /// Replaces the dossier row if it still has <paramref name="etag"/>, appending events and messages, atomically.
    /// A stale ETag throws <see cref="ConcurrencyConflictException"/> and writes nothing. Returns the row's new ETag.
    /// </summary>
    public async Task<string> CommitChangeAsync(DossierRecord dossier, string etag, IReadOnlyList<DossierEvent> events, IReadOnlyList<OutboxMessage> outbox, CancellationToken ct)
    {
        try
        {
            return await CommitAsync(TableTransactionAction.Update(ToEntity(dossier), etag), dossier.Code, events, outbox, ct);
        }
        catch (TableTransactionFailedException e) when (e.Status == 412 || (e.Status == 409 && e.FailedActionIndex > 0))
        {
            // 412: someone changed the dossier since it was read; 409 on an event row: someone appended first.
            throw new ConcurrencyConflictException(e.Status, "Hồ sơ vừa được thay đổi bởi người khác.", e.ErrorCode);
        }
    }

    private async Task<string> CommitAsync(TableTransactionAction state, string code, IReadOnlyList<DossierEvent> events, IReadOnlyList<OutboxMessage> outbox, CancellationToken ct)
    {
        var actions = new List<TableTransactionAction> { state };
        actions.AddRange(events.Select(e => TableTransactionAction.Insert(ToEntity(code, e))));
        actions.AddRange(outbox.Select(m => TableTransactionAction.Insert(ToEntity(code, m))));
        var etags = await _table.SubmitTransactionAsync(actions, ct);
        return etags[0]!;
    }

    /// <summary>The dossier, or null.</summary>
    public async Task<DossierRecord?> FindAsync(string code, CancellationToken ct) =>
        await _table.GetAsync(code, StateRow, ct) is { } e ? FromEntity(e) : null;

    /// <summary>The history, oldest first.</summary>
    public async Task<IReadOnlyList<DossierEvent>> HistoryAsync(string code, CancellationToken ct)
    {
        var events = new List<DossierEvent>();
        await foreach (var e in _table.QueryAsync(TableFilter.And(TableFilter.PartitionKeyEquals(code), TableFilter.RowKeyStartsWith("evt-")), cancellationToken: ct))
        {
            events.Add(new DossierEvent(e.GetInt32("Sequence")!.Value, ReadEvent(e), e.GetString("Text") ?? ""));
        }
        return events.OrderBy(e => e.Sequence).ToList();
    }

    /// <summary>Messages still owed by a dossier (row key and message).</summary>
    public async Task<IReadOnlyList<(string RowKey, OutboxMessage Message)>> OutboxAsync(string code, CancellationToken ct)
    {
        var owed = new List<(string, OutboxMessage)>();
        await foreach (var e in _table.QueryAsync(TableFilter.And(TableFilter.PartitionKeyEquals(code), TableFilter.RowKeyStartsWith("out-")), cancellationToken: ct))
        {
            owed.Add((e.RowKey, JsonSerializer.Deserialize<OutboxMessage>(e.GetString("Message")!, InfrastructureExtensions.Json)!));
        }
        return owed;
    }

    /// <summary>Removes a delivered message.</summary>
    public Task DeleteOutboxAsync(string code, string rowKey, CancellationToken ct) => _table.DeleteAsync(code, rowKey, "*", ct);

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
