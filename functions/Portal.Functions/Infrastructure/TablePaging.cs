using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Portal.Functions.Infrastructure;

/// <summary>A page of a list, and the opaque cursor of the next page (null on the last).</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// Reads one page of a table query (a single-partition range, so a page is one request). The cursor handed to clients is
/// the service's continuation token, base64url-encoded: opaque, and checked on the way back in (a forged or damaged one is
/// a 400 on <c>next</c>, never a 500).
/// </summary>
public static class TablePaging
{
    /// <summary>Page size when none is asked for.</summary>
    public const int DefaultPageSize = 25;
    /// <summary>Largest page size accepted.</summary>
    public const int MaxPageSize = 100;
    /// <summary>Longest cursor accepted.</summary>
    public const int MaxCursorLength = 2048;

    /// <summary>The page size asked for, or 400 on <c>pageSize</c>.</summary>
    public static int PageSize(string? asked) => asked switch
    {
        null or "" => DefaultPageSize,
        _ when asked.Length <= 3 && asked.All(char.IsAsciiDigit) && int.Parse(asked, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= MaxPageSize and var n => n,
        _ => throw ProblemException.Invalid("pageSize", $"Số dòng mỗi trang từ 1 đến {MaxPageSize} (pageSize must be 1 to {MaxPageSize})."),
    };

    /// <summary>
    /// Up to <paramref name="pageSize"/> entities matching <paramref name="filter"/>, in row-key order, from <paramref name="cursor"/>.
    /// The service may answer a filtered query with fewer rows and a continuation; this reads on until it has rows or none are left,
    /// asking each time only for what is still missing, so the returned cursor is exactly where this page stopped.
    /// </summary>
    public static async Task<Paged<TableEntity>> ReadAsync(TableClient table, string filter, int pageSize, string? cursor, CancellationToken ct,
        IEnumerable<string>? select = null)
    {
        var token = Decode(cursor);
        var items = new List<TableEntity>(pageSize);
        var columns = select?.ToList();
        do
        {
            var remaining = pageSize - items.Count;
            try
            {
                await foreach (var page in table.QueryAsync<TableEntity>(filter, remaining, columns, ct).AsPages(token, remaining))
                {
                    items.AddRange(page.Values);
                    token = page.ContinuationToken;
                    break;
                }
            }
            catch (RequestFailedException e) when (e.Status == 400 && cursor is not null)
            {
                throw BadCursor();
            }
        }
        while (items.Count == 0 && token is not null);
        return new Paged<TableEntity>(items, token is null ? null : Encode(token));
    }

    private static string Encode(string token) => Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string? cursor)
    {
        if (cursor is null) return null;
        if (cursor.Length is 0 or > MaxCursorLength || !cursor.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) throw BadCursor();
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        try
        {
            var token = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            // The SDK's token is "<next partition key> <next row key>", both as the service encoded them.
            var parts = token.Split(' ');
            if (parts.Length != 2 || token.Any(char.IsControl)) throw BadCursor();
            return token;
        }
        catch (FormatException)
        {
            throw BadCursor();
        }
    }

    private static ProblemException BadCursor() =>
        ProblemException.Invalid("next", "Con trỏ trang không hợp lệ; tải lại trang đầu (invalid page cursor: start again from the first page).");
}
