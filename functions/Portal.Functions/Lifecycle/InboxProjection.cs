using Azure.Data.Tables;
using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using Portal.Functions.Dossiers;
using Portal.Functions.Infrastructure;
using CatalogueModel = Portal.Domain.Catalogue.Catalogue;

namespace Portal.Functions.Lifecycle;

/// <summary>A line of an officer's inbox.</summary>
public sealed record InboxItem(string Code, string ProcedureCode, string ProcedureName, string ApplicantName, DossierStatus Status, string StatusText,
    string? StepId, string? StepName, OfficerRole ActingRole, DateTimeOffset? DueAt, DateTimeOffset AppointmentAt, DateTimeOffset SubmittedAt,
    bool Overdue, bool DueSoon, bool StepOverdue, bool Late, int Version);

/// <summary>What an officer's inbox page is filtered by (every filter optional; applied by the table service).</summary>
/// <param name="Roles">Only dossiers waiting for one of these roles (null: any).</param>
/// <param name="Status">Only this status.</param>
/// <param name="StepId">Only this step of the processing plan.</param>
/// <param name="ProcedureCode">Only this procedure.</param>
/// <param name="DueFrom">Due at or after (inclusive).</param>
/// <param name="DueTo">Due before (exclusive).</param>
public sealed record InboxQuery(IReadOnlyList<OfficerRole>? Roles, DossierStatus? Status, string? StepId, string? ProcedureCode,
    DateTimeOffset? DueFrom, DateTimeOffset? DueTo);

/// <summary>
/// Officers' work lists, projected from the current dossier state (table <see cref="StorageNames.InboxTable"/>, PK = agency code),
/// keyed so that a page of an inbox, most urgent first, is one partition range query:
/// <list type="bullet">
/// <item><c>due|{due time, UTC ticks, 19 digits}|{code}</c>: the line, in due order;</item>
/// <item><c>dossier|{code}</c>: the pointer, the same line plus the row key of its current due line and its version.</item>
/// </list>
/// A change of due time re-keys the line: delete the old line, write the new one and replace the pointer (If-Match), in one
/// entity-group transaction (all in the agency's partition), so a line is never lost or doubled. A projection never
/// overwrites a newer one (version check), so relays may run in any order, twice, or late. Closed dossiers leave the inbox.
/// </summary>
public sealed class InboxProjection(TableServiceClient tables, CatalogueModel catalogue)
{
    private const string LinePrefix = "due|";
    private const string PointerPrefix = "dossier|";
    private readonly TableClient _table = tables.GetTableClient(StorageNames.InboxTable);

    /// <summary>Row key of a dossier's pointer row.</summary>
    public static string PointerRow(string code) => PointerPrefix + code;

    /// <summary>Row key of a line due at <paramref name="dueAt"/> (sortable: fixed-width UTC ticks).</summary>
    public static string LineRow(DateTimeOffset dueAt, string code) => $"{LinePrefix}{DueKey(dueAt)}|{code}";

    private static string DueKey(DateTimeOffset at) => at.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Who must act now on a dossier in a state.</summary>
    public static OfficerRole ActingRole(DossierState s, ProcessingPlan plan) => s.Status switch
    {
        DossierStatus.Submitted or DossierStatus.AwaitingPayment => OfficerRole.Desk,
        DossierStatus.SupplementRequested => OfficerRole.Citizen,
        _ when s.StepIndex >= 0 && s.StepIndex < plan.Steps.Count => plan.Steps[s.StepIndex].Role,
        _ => OfficerRole.Desk,
    };

    /// <summary>Brings the dossier's inbox line up to date (idempotent; an older version never replaces a newer one).</summary>
    public async Task ProjectAsync(DossierRecord dossier, ProcessingPlan plan, CancellationToken ct)
    {
        var pointerRow = PointerRow(dossier.Code);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(dossier.AgencyCode, pointerRow, cancellationToken: ct);
            var current = found.HasValue ? found.Value : null;
            if (current is not null && (current.GetInt32("Version") ?? 0) >= dossier.Lifecycle.Version) return;
            var oldLine = current?.GetString("Line");
            var actions = new List<TableTransactionAction>();
            if (dossier.Lifecycle.IsClosed)
            {
                if (current is null) return;
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, current, current.ETag));
                if (oldLine is not null) actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(dossier.AgencyCode, oldLine), Azure.ETag.All));
            }
            else
            {
                var line = ToEntity(dossier, plan);
                var pointer = new TableEntity(line) { RowKey = pointerRow, ["Line"] = line.RowKey };
                actions.Add(current is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, pointer)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, pointer, current.ETag));
                if (oldLine is not null && oldLine != line.RowKey)
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(dossier.AgencyCode, oldLine), Azure.ETag.All));
                }
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, line));
            }
            try
            {
                await _table.CommitAsync(actions, ct);
                return;
            }
            catch (WriteConflictException)
            {
                // Another relay wrote the pointer meanwhile: read again and compare versions.
            }
        }
    }

    /// <summary>The current line of a dossier (its pointer row), or null when it is not in the inbox.</summary>
    public async Task<InboxItem?> FindAsync(string agencyCode, string code, CancellationToken ct)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(agencyCode, PointerRow(code), cancellationToken: ct);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    /// <summary>The whole inbox of an agency, most urgent first (for audits and tests; the API pages).</summary>
    public async Task<IReadOnlyList<InboxItem>> ForAgencyAsync(string agencyCode, CancellationToken ct)
    {
        var items = new List<InboxItem>();
        await foreach (var e in _table.QueryAsync<TableEntity>(Filter(agencyCode, new InboxQuery(null, null, null, null, null, null)), cancellationToken: ct))
        {
            items.Add(FromEntity(e));
        }
        return items;
    }

    /// <summary>One page of an agency's inbox, earliest due first, filtered by the table service.</summary>
    public async Task<Paged<InboxItem>> PageAsync(string agencyCode, InboxQuery query, int pageSize, string? cursor, CancellationToken ct)
    {
        var page = await TablePaging.ReadAsync(_table, Filter(agencyCode, query), pageSize, cursor, ct);
        return new Paged<InboxItem>(page.Items.Select(FromEntity).ToList(), page.Next);
    }

    private static string Filter(string agencyCode, InboxQuery q)
    {
        var from = q.DueFrom is { } f ? LinePrefix + DueKey(f) : LinePrefix;
        var to = q.DueTo is { } t ? LinePrefix + DueKey(t) : "due}";
        var clauses = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {agencyCode} and RowKey ge {from} and RowKey lt {to}") };
        if (q.Status is { } status) clauses.Add(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        if (q.StepId is { } step) clauses.Add(TableClient.CreateQueryFilter($"StepId eq {step}"));
        if (q.ProcedureCode is { } procedure) clauses.Add(TableClient.CreateQueryFilter($"ProcedureCode eq {procedure}"));
        if (q.Roles is { } roles)
        {
            clauses.Add(roles.Count == 0 ? "false" : "(" + string.Join(" or ", roles.Select(r => TableClient.CreateQueryFilter($"ActingRole eq {r.ToString()}"))) + ")");
        }
        return string.Join(" and ", clauses);
    }

    private TableEntity ToEntity(DossierRecord d, ProcessingPlan plan)
    {
        var s = d.Lifecycle;
        var step = s.StepIndex >= 0 && s.StepIndex < plan.Steps.Count && !s.IsClosed ? plan.Steps[s.StepIndex] : null;
        var due = s.Status == DossierStatus.SupplementRequested ? s.SupplementDueAt : s.StepDueAt ?? d.AppointmentAt;
        var entity = new TableEntity(d.AgencyCode, LineRow(due ?? d.AppointmentAt, d.Code))
        {
            ["Code"] = d.Code,
            ["ProcedureCode"] = d.ProcedureCode,
            ["ProcedureName"] = catalogue.Find(d.ProcedureCode)?.Name ?? d.ProcedureCode,
            ["ApplicantName"] = d.ApplicantName,
            ["Status"] = s.Status.ToString(),
            ["ActingRole"] = ActingRole(s, plan).ToString(),
            ["AppointmentAt"] = d.AppointmentAt,
            ["SubmittedAt"] = s.SubmittedAt,
            ["Overdue"] = s.Overdue,
            ["DueSoon"] = s.ApologyDraft is not null,
            ["StepOverdue"] = s.StepOverdue,
            ["Late"] = s.Late,
            ["Version"] = s.Version,
        };
        // A property left out is absent when read back (the old row's value goes with Replace).
        if (step is not null)
        {
            entity["StepId"] = step.Id;
            entity["StepName"] = step.Name;
        }
        if (due is { } at) entity["DueAt"] = at;
        return entity;
    }

    private static InboxItem FromEntity(TableEntity e)
    {
        var status = Enum.Parse<DossierStatus>(e.GetString("Status")!);
        return new InboxItem(e.GetString("Code")!, e.GetString("ProcedureCode")!, e.GetString("ProcedureName")!, e.GetString("ApplicantName")!, status,
            DossierStatuses.Of(status).Vietnamese, e.GetString("StepId"), e.GetString("StepName"), Enum.Parse<OfficerRole>(e.GetString("ActingRole")!),
            Vn(e.GetDateTimeOffset("DueAt")), Vn(e.GetDateTimeOffset("AppointmentAt"))!.Value, Vn(e.GetDateTimeOffset("SubmittedAt"))!.Value,
            e.GetBoolean("Overdue") ?? false, e.GetBoolean("DueSoon") ?? false, e.GetBoolean("StepOverdue") ?? false, e.GetBoolean("Late") ?? false,
            e.GetInt32("Version") ?? 0);
    }

    private static DateTimeOffset? Vn(DateTimeOffset? at) => at is { } a ? Portal.Domain.Calendar.VietnamTime.Normalize(a) : null;
}
