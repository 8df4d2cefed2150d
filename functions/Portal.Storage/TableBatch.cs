using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Storage;

/// <summary>
/// The <c>$batch</c> wire format of an entity group transaction: a <c>multipart/mixed</c> batch holding one
/// changeset, whose parts are <c>application/http</c> sub-requests (request line with an absolute URL,
/// headers, blank line, one-line JSON body). The response mirrors it: on success one sub-response per action
/// in order (with ETags); on failure a single sub-response with the failing action's status and an OData
/// error whose message starts with "index:".
/// </summary>
internal static partial class TableBatch
{
    private const string Crlf = "\r\n";

    /// <summary>One parsed sub-response.</summary>
    internal sealed record Part(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

    /// <summary>Builds the request body and its Content-Type.</summary>
    public static (string ContentType, byte[] Body) Build(Uri tableEndpoint, string tableName, IReadOnlyList<TableTransactionAction> actions)
    {
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("D");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("D");
        var baseUrl = tableEndpoint.AbsoluteUri.TrimEnd('/');
        var body = new StringBuilder();
        body.Append("--").Append(batchBoundary).Append(Crlf);
        body.Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append(Crlf).Append(Crlf);
        foreach (var action in actions)
        {
            var entity = action.Entity;
            var (method, url) = action.ActionType switch
            {
                TableTransactionActionType.Insert => ("POST", $"{baseUrl}/{tableName}"),
                TableTransactionActionType.UpsertReplace or TableTransactionActionType.UpdateReplace => ("PUT", EntityUrl()),
                TableTransactionActionType.UpsertMerge or TableTransactionActionType.UpdateMerge => ("PATCH", EntityUrl()),
                TableTransactionActionType.Delete => ("DELETE", EntityUrl()),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown action type."),
            };
            string EntityUrl() => baseUrl + TableClient.EntityPath(tableName, entity.PartitionKey, entity.RowKey);

            body.Append("--").Append(changesetBoundary).Append(Crlf);
            body.Append("Content-Type: application/http").Append(Crlf);
            body.Append("Content-Transfer-Encoding: binary").Append(Crlf).Append(Crlf);
            body.Append(method).Append(' ').Append(url).Append(" HTTP/1.1").Append(Crlf);
            body.Append("Accept: application/json;odata=minimalmetadata").Append(Crlf);
            body.Append("DataServiceVersion: 3.0").Append(Crlf);
            if (action.IfMatch is not null) body.Append("If-Match: ").Append(action.IfMatch).Append(Crlf);
            if (action.ActionType == TableTransactionActionType.Delete)
            {
                body.Append(Crlf);
            }
            else
            {
                body.Append("Content-Type: application/json").Append(Crlf);
                body.Append("Prefer: return-no-content").Append(Crlf).Append(Crlf);
                body.Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(entity))).Append(Crlf);
            }
        }
        body.Append("--").Append(changesetBoundary).Append("--").Append(Crlf);
        body.Append("--").Append(batchBoundary).Append("--").Append(Crlf);
        return ("multipart/mixed; boundary=" + batchBoundary, Encoding.UTF8.GetBytes(body.ToString()));
    }

    /// <summary>
    /// Reads every <c>HTTP/1.1 NNN</c> sub-response of a batch response, in order, with its headers and body.
    /// Boundaries are not needed: each part starts at its status line and its body ends at the next "--" line.
    /// </summary>
    public static IReadOnlyList<Part> Parse(string responseBody)
    {
        var lines = responseBody.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var parts = new List<Part>();
        for (var i = 0; i < lines.Length; i++)
        {
            var status = StatusLine().Match(lines[i]);
            if (!status.Success) continue;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            i++;
            for (; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0) headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
            var body = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++) body.Append(lines[i]).Append('\n');
            i--;
            parts.Add(new Part(int.Parse(status.Groups[1].Value, CultureInfo.InvariantCulture), headers, body.ToString().Trim()));
        }
        return parts;
    }

    /// <summary>
    /// The zero-based index of the failed action: the "N:" prefix of the OData error message (the service's
    /// convention), else the part's Content-ID (one-based), else null.
    /// </summary>
    public static int? FailedIndex(Part part, string? errorMessage, int actionCount)
    {
        var prefix = errorMessage is null ? Match.Empty : IndexPrefix().Match(errorMessage);
        if (prefix.Success && int.TryParse(prefix.Groups[1].Value, CultureInfo.InvariantCulture, out var index) && index < actionCount) return index;
        if (part.Headers.TryGetValue("Content-ID", out var contentId)
            && int.TryParse(contentId, CultureInfo.InvariantCulture, out var id) && id >= 1 && id <= actionCount) return id - 1;
        return null;
    }

    [GeneratedRegex(@"^HTTP/1\.[01] (\d{3})")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}
