using System.Text.Json;
using Portal.Domain.Calendar;
using Portal.Domain.Dossiers;
using Portal.Functions.Infrastructure;
using Portal.Storage;

namespace Portal.Functions.Dossiers;

/// <summary>
/// Dossiers in Table storage, one partition per dossier (PK = dossier code):
/// <list type="bullet">
/// <item><c>dossier</c>: the current state (optimistic concurrency by ETag);</item>
/// <item><c>evt-000001</c>...: the append-only history;</item>
/// <item>reserved for the lifecycle: <c>out-*</c> owed messages (outbox).</item>
/// </list>
/// A change of state and the history events it adds are committed in ONE entity-group transaction, so they are
/// all written or none is. See <see cref="CommitNewAsync"/> for why that is safe on Azurite as well as in Azure.
/// Instants are stored in UTC and read back in Vietnam time (+07:00).
/// </summary>
public sealed class DossierStore(StorageAccount account)
{
    private const string StateRow = "dossier";
    private readonly TableClient _table = account.GetTableClient(StorageNames.DossiersTable);

    /// <summary>Row key of a history event.</summary>
    public static string EventRow(int sequence) => $"evt-{sequence:D6}";

    /// <summary>
    /// Writes a new dossier and its first events atomically. Azure Table entity-group transactions are atomic
    /// by contract; Azurite 3.37.0 rolls its $batch back too when any action fails (proved by <c>TableTransactionTests</c> in tests/Portal.Storage.Tests).
    /// If the dossier already exists (a retried submission), throws <see cref="EntityAlreadyExistsException"/>.
    /// </summary>
    public async Task CommitNewAsync(DossierRecord dossier, IReadOnlyList<DossierEvent> events, CancellationToken ct)
    {
        var actions = new List<TableTransactionAction> { TableTransactionAction.Insert(ToEntity(dossier with { Version = events.Count })) };
        actions.AddRange(events.Select(e => TableTransactionAction.Insert(ToEntity(dossier.Code, e))));
        await _table.SubmitTransactionAsync(actions, ct);
    }

    /// <summary>The current state, or null.</summary>
    public async Task<DossierRecord?> FindAsync(string code, CancellationToken ct) =>
        await _table.GetAsync(code, StateRow, ct) is { } e ? FromEntity(e) : null;

    /// <summary>The history, oldest first.</summary>
    public async Task<IReadOnlyList<DossierEvent>> HistoryAsync(string code, CancellationToken ct)
    {
        var filter = TableFilter.And(TableFilter.PartitionKeyEquals(code), TableFilter.RowKeyRange("evt-", "evt."));
        var events = new List<DossierEvent>();
        await foreach (var e in _table.QueryAsync(filter, cancellationToken: ct))
        {
            events.Add(new DossierEvent(e.GetInt32("Sequence") ?? 0, e.GetString("Kind") ?? "", VietnamTime.Normalize(e.GetDateTimeOffset("At") ?? default),
                e.GetString("Actor") ?? "", e.GetString("Text") ?? "", e.GetString("Data")));
        }
        return events.OrderBy(e => e.Sequence).ToList();
    }

    private static TableEntity ToEntity(DossierRecord d) => new(d.Code, StateRow)
    {
        ["ProcedureCode"] = d.ProcedureCode,
        ["AgencyCode"] = d.AgencyCode,
        ["Status"] = d.Status.ToString(),
        ["ApplicantSubject"] = d.ApplicantSubject,
        ["ApplicantName"] = d.ApplicantName,
        ["ApplicantPhone"] = d.ApplicantPhone,
        ["SubmittedAt"] = d.SubmittedAt,
        ["AppointmentAt"] = d.AppointmentAt,
        ["Form"] = d.FormJson,
        ["Documents"] = JsonSerializer.Serialize(d.Documents, InfrastructureExtensions.Json),
        ["Version"] = d.Version,
    };

    private static TableEntity ToEntity(string code, DossierEvent e) => new(code, EventRow(e.Sequence))
    {
        ["Sequence"] = e.Sequence,
        ["Kind"] = e.Kind,
        ["At"] = e.At,
        ["Actor"] = e.Actor,
        ["Text"] = e.Text,
        ["Data"] = e.Data,
    };

    private static DossierRecord FromEntity(TableEntity e) => new()
    {
        Code = e.PartitionKey,
        ProcedureCode = e.GetString("ProcedureCode")!,
        AgencyCode = e.GetString("AgencyCode")!,
        Status = Enum.Parse<DossierStatus>(e.GetString("Status")!),
        ApplicantSubject = e.GetString("ApplicantSubject")!,
        ApplicantName = e.GetString("ApplicantName")!,
        ApplicantPhone = e.GetString("ApplicantPhone")!,
        SubmittedAt = VietnamTime.Normalize(e.GetDateTimeOffset("SubmittedAt")!.Value),
        AppointmentAt = VietnamTime.Normalize(e.GetDateTimeOffset("AppointmentAt")!.Value),
        FormJson = e.GetString("Form")!,
        Documents = JsonSerializer.Deserialize<List<StoredDocument>>(e.GetString("Documents")!, InfrastructureExtensions.Json)!,
        Version = e.GetInt32("Version") ?? 0,
        ETag = e.ETag,
    };
}
