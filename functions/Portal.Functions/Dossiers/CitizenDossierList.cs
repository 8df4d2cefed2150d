using System.Globalization;
using Azure.Data.Tables;
using Portal.Domain.Dossiers;
using Portal.Functions.Infrastructure;
using CatalogueModel = Portal.Domain.Catalogue.Catalogue;

namespace Portal.Functions.Dossiers;

/// <summary>What a citizen's list page is filtered by (both optional; applied by the table service).</summary>
public sealed record CitizenListQuery(DossierStatus? Status, string? ProcedureCode);

/// <summary>
/// A citizen's own dossiers, newest first, projected from the dossier state (table <see cref="StorageNames.CitizenDossiersTable"/>,
/// PK = citizen subject, RK = <c>{inverted submission time, 19 digits}|{code}</c>), so a page is one partition range query.
/// The submission time never changes, so a line keeps its key; its content is replaced only by a newer version (If-Match).
/// Closed dossiers stay: the citizen keeps seeing their outcome.
/// </summary>
public sealed class CitizenDossierList(TableServiceClient tables, CatalogueModel catalogue)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.CitizenDossiersTable);

    /// <summary>Row key of a dossier submitted at <paramref name="submittedAt"/>: newest sorts first.</summary>
    public static string Row(DateTimeOffset submittedAt, string code) =>
        $"{(DateTimeOffset.MaxValue.UtcTicks - submittedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)}|{code}";

    /// <summary>Brings the dossier's line in its applicant's list up to date (idempotent, never older over newer).</summary>
    public async Task ProjectAsync(DossierRecord dossier, CancellationToken ct)
    {
        var row = Row(dossier.SubmittedAt, dossier.Code);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(dossier.ApplicantSubject, row, cancellationToken: ct);
            var current = found.HasValue ? found.Value : null;
            if (current is not null && (current.GetInt32("Version") ?? 0) >= dossier.Lifecycle.Version) return;
            var entity = new TableEntity(dossier.ApplicantSubject, row)
            {
                ["Code"] = dossier.Code,
                ["ProcedureCode"] = dossier.ProcedureCode,
                ["ProcedureName"] = catalogue.Find(dossier.ProcedureCode)?.Name ?? dossier.ProcedureCode,
                ["Status"] = dossier.Status.ToString(),
                ["SubmittedAt"] = dossier.SubmittedAt,
                ["AppointmentAt"] = dossier.AppointmentAt,
                ["Version"] = dossier.Lifecycle.Version,
            };
            try
            {
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

    /// <summary>One page of a citizen's dossiers, newest first.</summary>
    public async Task<Paged<DossierSummary>> PageAsync(string subject, CitizenListQuery query, int pageSize, string? cursor, CancellationToken ct)
    {
        var clauses = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {subject}") };
        if (query.Status is { } status) clauses.Add(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        if (query.ProcedureCode is { } procedure) clauses.Add(TableClient.CreateQueryFilter($"ProcedureCode eq {procedure}"));
        var page = await TablePaging.ReadAsync(_table, string.Join(" and ", clauses), pageSize, cursor, ct);
        return new Paged<DossierSummary>(page.Items.Select(e =>
        {
            var s = Enum.Parse<DossierStatus>(e.GetString("Status")!);
            return new DossierSummary(e.GetString("Code")!, e.GetString("ProcedureCode")!, e.GetString("ProcedureName")!, s, DossierStatuses.Of(s).Vietnamese,
                Vn(e.GetDateTimeOffset("SubmittedAt")!.Value), Vn(e.GetDateTimeOffset("AppointmentAt")!.Value));
        }).ToList(), page.Next);
    }

    private static DateTimeOffset Vn(DateTimeOffset at) => Domain.Calendar.VietnamTime.Normalize(at);
}
