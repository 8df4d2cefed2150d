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

/// <summary>
/// Officers' work lists (PK = agency code, RK = dossier code), projected from the current dossier state by the
/// relay. A projection never overwrites a newer one (version check), so relays may run in any order.
/// Closed dossiers leave the inbox.
/// </summary>
public sealed class InboxProjection(TableServiceClient tables, CatalogueModel catalogue)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.InboxTable);

    /// <summary>Who must act now on a dossier in a state.</summary>
    public static OfficerRole ActingRole(DossierState s, ProcessingPlan plan) => s.Status switch
    {
        DossierStatus.Submitted or DossierStatus.AwaitingPayment => OfficerRole.Desk,
        DossierStatus.SupplementRequested => OfficerRole.Citizen,
        _ when s.StepIndex >= 0 && s.StepIndex < plan.Steps.Count => plan.Steps[s.StepIndex].Role,
        _ => OfficerRole.Desk,
    };

    /// <summary>Brings the dossier's inbox line up to date.</summary>
    public async Task ProjectAsync(DossierRecord dossier, ProcessingPlan plan, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(dossier.AgencyCode, dossier.Code, cancellationToken: ct);
            var current = found.HasValue ? found.Value : null;
            if (current is not null && (current.GetInt32("Version") ?? 0) > dossier.Lifecycle.Version) return;
            try
            {
                if (dossier.Lifecycle.IsClosed)
                {
                    if (current is not null) await StorageConflicts.WriteAsync(() => _table.DeleteEntityAsync(dossier.AgencyCode, dossier.Code, current.ETag, ct));
                    return;
                }
                var entity = ToEntity(dossier, plan);
                if (current is null) await StorageConflicts.WriteAsync(() => _table.AddEntityAsync(entity, ct));
                else await StorageConflicts.WriteAsync(() => _table.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, ct));
                return;
            }
            catch (WriteConflictException)
            {
                // Another relay wrote meanwhile: read again and compare versions.
            }
        }
    }

    /// <summary>The inbox of an agency, most urgent first.</summary>
    public async Task<IReadOnlyList<InboxItem>> ForAgencyAsync(string agencyCode, CancellationToken ct)
    {
        var items = new List<InboxItem>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {agencyCode}"), cancellationToken: ct))
        {
            items.Add(FromEntity(e));
        }
        return items.OrderBy(i => i.DueAt ?? i.AppointmentAt).ThenBy(i => i.Code, StringComparer.Ordinal).ToList();
    }

    private TableEntity ToEntity(DossierRecord d, ProcessingPlan plan)
    {
        var s = d.Lifecycle;
        var step = s.StepIndex >= 0 && s.StepIndex < plan.Steps.Count && !s.IsClosed ? plan.Steps[s.StepIndex] : null;
        var entity = new TableEntity(d.AgencyCode, d.Code)
        {
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
        var due = s.Status == DossierStatus.SupplementRequested ? s.SupplementDueAt : s.StepDueAt ?? d.AppointmentAt;
        if (due is { } at) entity["DueAt"] = at;
        return entity;
    }

    private static InboxItem FromEntity(TableEntity e)
    {
        var status = Enum.Parse<DossierStatus>(e.GetString("Status")!);
        return new InboxItem(e.RowKey, e.GetString("ProcedureCode")!, e.GetString("ProcedureName")!, e.GetString("ApplicantName")!, status,
            DossierStatuses.Of(status).Vietnamese, e.GetString("StepId"), e.GetString("StepName"), Enum.Parse<OfficerRole>(e.GetString("ActingRole")!),
            Vn(e.GetDateTimeOffset("DueAt")), Vn(e.GetDateTimeOffset("AppointmentAt"))!.Value, Vn(e.GetDateTimeOffset("SubmittedAt"))!.Value,
            e.GetBoolean("Overdue") ?? false, e.GetBoolean("DueSoon") ?? false, e.GetBoolean("StepOverdue") ?? false, e.GetBoolean("Late") ?? false,
            e.GetInt32("Version") ?? 0);
    }

    private static DateTimeOffset? Vn(DateTimeOffset? at) => at is { } a ? Portal.Domain.Calendar.VietnamTime.Normalize(a) : null;
}
