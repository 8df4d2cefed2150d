using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Portal.Storage;

/// <summary>
/// Signs each try of a request with the account key ("SharedKey" authorization). Must run per retry after
/// <see cref="StorageHeadersPolicy"/> has set <c>x-ms-date</c>, since the date is part of the signature.
/// Blob and Queue use the full string-to-sign (standard headers, canonicalized <c>x-ms-*</c> headers and
/// every query parameter); Table uses its own short one (verb, Content-MD5, Content-Type, date, path and
/// only the <c>comp</c> parameter). The canonicalized resource is "/" + account + the request path, so with
/// path-style URLs (Azurite) the account appears twice: <c>/devstoreaccount1/devstoreaccount1/container/blob</c>.
/// </summary>
internal sealed class StorageSharedKeyPolicy : HttpPipelineSynchronousPolicy
{
    private readonly string _accountName;
    private readonly byte[] _key;
    private readonly StorageService _service;

    /// <summary>Creates a signer for one service of one account.</summary>
    public StorageSharedKeyPolicy(string accountName, string base64Key, StorageService service)
    {
        _accountName = accountName;
        _key = Convert.FromBase64String(base64Key);
        _service = service;
    }

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        var stringToSign = _service == StorageService.Table
            ? BuildTableStringToSign(message.Request)
            : BuildBlobQueueStringToSign(message.Request);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));
        message.Request.Headers.SetValue("Authorization", $"SharedKey {_accountName}:{signature}");
    }

    /// <summary>The Blob/Queue string-to-sign (versions 2015-02-21 and later: a zero length is signed as empty).</summary>
    private string BuildBlobQueueStringToSign(Request request)
    {
        var contentLength = request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
            ? length.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Empty;
        var builder = new StringBuilder();
        builder.Append(request.Method.Method.ToUpperInvariant()).Append('\n');
        builder.Append(Header(request, "Content-Encoding")).Append('\n');
        builder.Append(Header(request, "Content-Language")).Append('\n');
        builder.Append(contentLength).Append('\n');
        builder.Append(Header(request, "Content-MD5")).Append('\n');
        builder.Append(Header(request, "Content-Type")).Append('\n');
        builder.Append(string.Empty).Append('\n'); // Date: we always send x-ms-date instead.
        builder.Append(Header(request, "If-Modified-Since")).Append('\n');
        builder.Append(Header(request, "If-Match")).Append('\n');
        builder.Append(Header(request, "If-None-Match")).Append('\n');
        builder.Append(Header(request, "If-Unmodified-Since")).Append('\n');
        builder.Append(Header(request, "Range")).Append('\n');

        var msHeaders = request.Headers
            .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Name.ToLowerInvariant().TrimEnd(), Value: h.Value.TrimStart()))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in msHeaders) builder.Append(name).Append(':').Append(value).Append('\n');

        var uri = request.Uri.ToUri();
        builder.Append('/').Append(_accountName).Append(uri.AbsolutePath);
        var parameters = ParseQuery(uri.Query)
            .GroupBy(p => p.Name.ToLowerInvariant())
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in parameters)
        {
            builder.Append('\n').Append(group.Key).Append(':')
                .Append(string.Join(',', group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }
        return builder.ToString();
    }

    /// <summary>The Table string-to-sign: verb, Content-MD5, Content-Type, date and the resource (with <c>?comp=</c> only).</summary>
    private string BuildTableStringToSign(Request request)
    {
        var uri = request.Uri.ToUri();
        var resource = $"/{_accountName}{uri.AbsolutePath}";
        var comp = ParseQuery(uri.Query).FirstOrDefault(p => p.Name.Equals("comp", StringComparison.OrdinalIgnoreCase));
        if (comp.Name is not null) resource += "?comp=" + comp.Value;
        return string.Join('\n',
            request.Method.Method.ToUpperInvariant(),
            Header(request, "Content-MD5"),
            Header(request, "Content-Type"),
            Header(request, "x-ms-date"),
            resource);
    }

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

    private static IEnumerable<(string Name, string Value)> ParseQuery(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            yield return (Uri.UnescapeDataString(name), Uri.UnescapeDataString(value));
        }
    }
}
