using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Portal.Storage;

/// <summary>
/// One table of the Table service (REST, OData JSON). Writes return the new ETag and also store it in
/// <see cref="TableEntity.ETag"/>; conditional writes throw <see cref="ConcurrencyConflictException"/> when
/// the ETag no longer matches. Get one from <see cref="StorageAccount.GetTableClient"/>.
/// </summary>
public sealed class TableClient
{
    private const string JsonAccept = "application/json;odata=minimalmetadata";
    private const string TableNotFound = "TableNotFound";
    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;

    internal TableClient(HttpPipeline pipeline, Uri endpoint, string tableName)
    {
        _pipeline = pipeline;
        _endpoint = endpoint;
        Name = StorageNameRules.Table(tableName);
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>Creates the table; returns false when it already existed.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = Message(RequestMethod.Post, "/Tables");
        SetJsonBody(message, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            201 or 204 => true,
            409 => false,
            _ => throw StorageErrors.Create(response, $"Create table '{Name}'"),
        };
    }

    /// <summary>Deletes the table and all its entities; returns false when it did not exist.</summary>
    public async Task<bool> DeleteTableAsync(CancellationToken cancellationToken = default)
    {
        using var message = Message(RequestMethod.Delete, $"/Tables('{Name}')");
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw StorageErrors.Create(response, $"Delete table '{Name}'"),
        };
    }

    /// <summary>Inserts a new entity and returns its ETag.</summary>
    /// <exception cref="EntityAlreadyExistsException">An entity with the same keys exists.</exception>
    public async Task<string> InsertAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ValidateKeys(entity);
        using var message = Message(RequestMethod.Post, "/" + Name);
        SetJsonBody(message, TableEntityJson.Serialize(entity));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 204) return Written(entity, response);
        var (code, text) = StorageErrors.Read(response);
        var what = StorageErrors.Describe($"Insert into '{Name}'", response.Status, code, text);
        throw response.Status == 409
            ? new EntityAlreadyExistsException(response.Status, what, code)
            : new RequestFailedException(response.Status, what, code, null);
    }

    /// <summary>Inserts the entity, or replaces/merges it if it exists, whatever its ETag; returns the new ETag.</summary>
    public Task<string> UpsertAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default) =>
        WriteAsync(entity, null, mode, cancellationToken);

    /// <summary>Replaces or merges an existing entity if its ETag still matches; returns the new ETag.</summary>
    /// <param name="entity">The new state.</param>
    /// <param name="ifMatch">The ETag read earlier, or "*" to overwrite whatever is stored.</param>
    /// <param name="mode">Replace (drop missing properties) or merge (keep them).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ConcurrencyConflictException">The entity changed since it was read (412).</exception>
    /// <exception cref="EntityNotFoundException">The entity does not exist (404).</exception>
    public Task<string> UpdateAsync(TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return WriteAsync(entity, ifMatch, mode, cancellationToken);
    }

    /// <summary>Deletes an entity if its ETag matches; returns false when it did not exist (a missing table throws).</summary>
    /// <param name="partitionKey">The entity's partition key.</param>
    /// <param name="rowKey">The entity's row key.</param>
    /// <param name="ifMatch">The ETag read earlier, or "*" (default) to delete whatever is stored.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ConcurrencyConflictException">The entity changed since it was read (412).</exception>
    public async Task<bool> DeleteAsync(string partitionKey, string rowKey, string ifMatch = "*", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        using var message = Message(RequestMethod.Delete, EntityPath(Name, partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 204) return true;
        if (response.Status == 404 && !IsTableNotFound(response)) return false;
        throw Failure(response, $"Delete from '{Name}'");
    }

    /// <summary>Reads one entity; null when it does not exist (a missing table throws).</summary>
    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        using var message = Message(RequestMethod.Get, EntityPath(Name, partitionKey, rowKey));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404 && !IsTableNotFound(response)) return null;
        if (response.Status != 200) throw StorageErrors.Create(response, $"Get from '{Name}'");
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        var entity = TableEntityJson.Deserialize(document.RootElement);
        entity.ETag = StorageRequests.ETag(response) ?? entity.ETag;
        return entity;
    }

    /// <summary>
    /// Reads one page of a query. Pass the previous page's <see cref="TableQueryPage.ContinuationToken"/> to
    /// get the next one; the service returns at most 1000 entities per page (fewer with <paramref name="take"/>).
    /// </summary>
    /// <param name="filter">An OData filter (build it with <see cref="TableFilter"/>), or null for all entities.</param>
    /// <param name="take">Page size (1-1000), or null for the service's maximum.</param>
    /// <param name="select">Properties to return (the keys always come back), or null for all.</param>
    /// <param name="continuationToken">Token from the previous page, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<TableQueryPage> QueryPageAsync(string? filter = null, int? take = null, IEnumerable<string>? select = null,
        string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        if (take is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(take), take, "A page holds 1 to 1000 entities.");
        var (nextPartitionKey, nextRowKey) = DecodeContinuation(continuationToken);
        using var message = Message(RequestMethod.Get, $"/{Name}()",
            ("$filter", string.IsNullOrWhiteSpace(filter) ? null : filter),
            ("$top", take?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("$select", select is null ? null : string.Join(',', new[] { "PartitionKey", "RowKey" }.Union(select, StringComparer.Ordinal))),
            ("NextPartitionKey", nextPartitionKey),
            ("NextRowKey", nextRowKey));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200) throw StorageErrors.Create(response, $"Query '{Name}'");

        using var document = JsonDocument.Parse(response.Content.ToMemory());
        var items = document.RootElement.TryGetProperty("value", out var value)
            ? value.EnumerateArray().Select(TableEntityJson.Deserialize).ToList()
            : [];
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPk);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRk);
        return new TableQueryPage(items, EncodeContinuation(nextPk, nextRk));
    }

    /// <summary>Streams every entity matching the filter, following continuations page by page.</summary>
    /// <param name="filter">An OData filter (see <see cref="TableFilter"/>), or null for all entities.</param>
    /// <param name="pageSize">Entities per request (1-1000), or null for the service's maximum.</param>
    /// <param name="select">Properties to return (the keys always come back), or null for all.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public async IAsyncEnumerable<TableEntity> QueryAsync(string? filter = null, int? pageSize = null, IEnumerable<string>? select = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var selected = select?.ToArray();
        string? continuation = null;
        do
        {
            var page = await QueryPageAsync(filter, pageSize, selected, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Items) yield return entity;
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }

    /// <summary>
    /// Applies up to 100 changes to one partition as one entity group transaction (<c>$batch</c>) and returns
    /// the new ETag of each action, in order (null for deletes). Written entities get their new ETag too.
    /// </summary>
    /// <exception cref="TableTransactionFailedException">An action failed; see its index, status and error code.</exception>
    /// <exception cref="ArgumentException">No actions, more than 100, mixed partitions, or an entity twice.</exception>
    public async Task<IReadOnlyList<string?>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > 100) throw new ArgumentException("A transaction holds 1 to 100 actions.", nameof(actions));
        var partitionKey = actions[0].Entity.PartitionKey;
        if (actions.Any(a => a.Entity.PartitionKey != partitionKey))
        {
            throw new ArgumentException("All actions of a transaction must share one PartitionKey.", nameof(actions));
        }
        if (actions.Select(a => a.Entity.RowKey).Distinct(StringComparer.Ordinal).Count() != actions.Count)
        {
            throw new ArgumentException("An entity can appear only once in a transaction.", nameof(actions));
        }
        foreach (var action in actions) ValidateKeys(action.Entity);

        var (contentType, body) = TableBatch.Build(_endpoint, Name, actions);
        using var message = Message(RequestMethod.Post, "/$batch");
        message.Request.Headers.SetValue("Content-Type", contentType);
        message.Request.Content = RequestContent.Create(body);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 202)
        {
            var (code, text) = StorageErrors.Read(response);
            throw new TableTransactionFailedException(response.Status,
                StorageErrors.Describe($"Transaction on '{Name}'", response.Status, code, text), code, null);
        }

        var parts = TableBatch.Parse(Encoding.UTF8.GetString(response.Content.ToMemory().Span));
        var failed = parts.FirstOrDefault(p => p.Status >= 400);
        if (failed is not null)
        {
            var (code, text) = StorageErrors.ReadBody(BinaryData.FromString(failed.Body));
            var index = TableBatch.FailedIndex(failed, text, actions.Count);
            throw new TableTransactionFailedException(failed.Status,
                StorageErrors.Describe($"Transaction on '{Name}' (action {index?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"})",
                    failed.Status, code, text),
                code, index);
        }
        if (parts.Count != actions.Count)
        {
            throw new RequestFailedException(response.Status,
                $"Transaction on '{Name}' returned {parts.Count} results for {actions.Count} actions.", null, null);
        }

        var etags = new string?[actions.Count];
        for (var i = 0; i < actions.Count; i++)
        {
            etags[i] = parts[i].Headers.TryGetValue("ETag", out var etag) ? etag : null;
            if (actions[i].ActionType != TableTransactionActionType.Delete) actions[i].Entity.ETag = etags[i];
        }
        return etags;
    }

    /// <summary>The escaped path of one entity: <c>/table(PartitionKey='…',RowKey='…')</c>, quotes doubled.</summary>
    internal static string EntityPath(string table, string partitionKey, string rowKey) =>
        $"/{table}(PartitionKey='{EscapeKey(StorageNameRules.Key(partitionKey, "PartitionKey"))}'," +
        $"RowKey='{EscapeKey(StorageNameRules.Key(rowKey, "RowKey"))}')";

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private async Task<string> WriteAsync(TableEntity entity, string? ifMatch, TableUpdateMode mode, CancellationToken cancellationToken)
    {
        ValidateKeys(entity);
        var method = mode == TableUpdateMode.Replace ? RequestMethod.Put : RequestMethod.Patch;
        using var message = Message(method, EntityPath(Name, entity.PartitionKey, entity.RowKey));
        SetJsonBody(message, TableEntityJson.Serialize(entity));
        if (ifMatch is not null) message.Request.Headers.SetValue("If-Match", ifMatch);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 200 or 201 or 204) return Written(entity, response);
        throw Failure(response, ifMatch is null ? $"Upsert into '{Name}'" : $"Update in '{Name}'");
    }

    private static string Written(TableEntity entity, Response response)
    {
        var etag = StorageRequests.ETag(response)
            ?? throw new RequestFailedException(response.Status, "The Table service returned no ETag for a write.", null, null);
        entity.ETag = etag;
        return etag;
    }

    private static RequestFailedException Failure(Response response, string operation)
    {
        var (code, text) = StorageErrors.Read(response);
        var what = StorageErrors.Describe(operation, response.Status, code, text);
        return response.Status switch
        {
            412 => new ConcurrencyConflictException(response.Status, what, code),
            404 when code != TableNotFound => new EntityNotFoundException(response.Status, what, code),
            _ => new RequestFailedException(response.Status, what, code, null),
        };
    }

    // A missing table must not look like a missing entity: that would hide a deployment mistake.
    private static bool IsTableNotFound(Response response) => StorageErrors.Read(response).Code == TableNotFound;

    private static void ValidateKeys(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        StorageNameRules.Key(entity.PartitionKey, nameof(TableEntity.PartitionKey));
        StorageNameRules.Key(entity.RowKey, nameof(TableEntity.RowKey));
    }

    private HttpMessage Message(RequestMethod method, string escapedPath, params (string Name, string? Value)[] query)
    {
        var message = StorageRequests.Create(_pipeline, method, _endpoint, escapedPath, query);
        message.Request.Headers.SetValue("Accept", JsonAccept);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        return message;
    }

    private static void SetJsonBody(HttpMessage message, byte[] json)
    {
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(json);
    }

    private Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken) =>
        StorageRequests.SendAsync(_pipeline, message, cancellationToken);

    // The token is "<escaped NextPartitionKey> <escaped NextRowKey>": opaque to callers, safe in a URL query.
    private static string? EncodeContinuation(string? nextPartitionKey, string? nextRowKey) =>
        string.IsNullOrEmpty(nextPartitionKey) ? null : Uri.EscapeDataString(nextPartitionKey) + " " + Uri.EscapeDataString(nextRowKey ?? "");

    private static (string? NextPartitionKey, string? NextRowKey) DecodeContinuation(string? token)
    {
        if (string.IsNullOrEmpty(token)) return (null, null);
        var parts = token.Split(' ');
        if (parts.Length != 2) throw new ArgumentException("Not a continuation token from this client.", nameof(token));
        return (Uri.UnescapeDataString(parts[0]), parts[1].Length == 0 ? null : Uri.UnescapeDataString(parts[1]));
    }
}
