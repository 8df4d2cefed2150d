using System.Text.Json;
using Portal.Functions.Infrastructure;
using Portal.Storage;

namespace Portal.Functions.Forms;

/// <summary>A saved draft of an e-Form.</summary>
public sealed record Draft(JsonElement Data, DateTimeOffset SavedAt);

/// <summary>Server-side drafts (PK = citizen subject, RK = procedure code), kept until submitted or expired.</summary>
public sealed class DraftStore(StorageAccount account)
{
    /// <summary>How long an untouched draft is kept (personal data is not kept longer than needed).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly TableClient _table = account.GetTableClient(StorageNames.DraftsTable);

    /// <summary>The draft, or null.</summary>
    public async Task<Draft?> FindAsync(string subject, string procedureCode, CancellationToken ct) =>
        await _table.GetAsync(subject, procedureCode.ToUpperInvariant(), ct) is { } e
            ? new Draft(JsonDocument.Parse(e.GetString("Data")!).RootElement.Clone(), e.GetDateTimeOffset("SavedAt")!.Value)
            : null;

    /// <summary>Saves (replaces) a draft.</summary>
    public async Task SaveAsync(string subject, string procedureCode, JsonElement data, DateTimeOffset now, CancellationToken ct) =>
        await _table.UpsertAsync(new TableEntity(subject, procedureCode.ToUpperInvariant()) { ["Data"] = data.GetRawText(), ["SavedAt"] = now },
            TableUpdateMode.Replace, ct);

    /// <summary>Deletes a draft if present.</summary>
    public Task DeleteAsync(string subject, string procedureCode, CancellationToken ct) =>
        _table.DeleteAsync(subject, procedureCode.ToUpperInvariant(), "*", ct);
}
