using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Portal.Functions.Infrastructure;

namespace Portal.Functions.Forms;

/// <summary>A saved draft of an e-Form.</summary>
public sealed record Draft(JsonElement Data, DateTimeOffset SavedAt);

/// <summary>Server-side drafts (PK = citizen subject, RK = procedure code), kept until submitted or expired.</summary>
public sealed class DraftStore(TableServiceClient tables)
{
    /// <summary>How long an untouched draft is kept (personal data is not kept longer than needed).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly TableClient _table = tables.GetTableClient(StorageNames.DraftsTable);

    /// <summary>The draft, or null.</summary>
    public async Task<Draft?> FindAsync(string subject, string procedureCode, CancellationToken ct)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(subject, procedureCode.ToUpperInvariant(), cancellationToken: ct);
        return found.HasValue
            ? new Draft(JsonDocument.Parse(found.Value!.GetString("Data")).RootElement.Clone(), found.Value.GetDateTimeOffset("SavedAt")!.Value)
            : null;
    }

    /// <summary>Saves (replaces) a draft.</summary>
    public async Task SaveAsync(string subject, string procedureCode, JsonElement data, DateTimeOffset now, CancellationToken ct) =>
        await _table.UpsertEntityAsync(new TableEntity(subject, procedureCode.ToUpperInvariant()) { ["Data"] = data.GetRawText(), ["SavedAt"] = now },
            TableUpdateMode.Replace, ct);

    /// <summary>Deletes a draft if present.</summary>
    public async Task DeleteAsync(string subject, string procedureCode, CancellationToken ct) =>
        await _table.DeleteEntityAsync(subject, procedureCode.ToUpperInvariant(), ETag.All, ct);
}
