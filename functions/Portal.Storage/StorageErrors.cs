using System.Text.Json;
using System.Xml.Linq;
using Azure;

namespace Portal.Storage;

/// <summary>
/// Reads the error code and message of a failed storage response: the <c>x-ms-error-code</c> header,
/// else the body (Table: <c>{"odata.error":{"code","message":{"value"}}}</c>; Blob/Queue:
/// <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;</c>), and builds the exception to throw.
/// </summary>
internal static class StorageErrors
{
    /// <summary>Error code and message of a failed response (either may be missing).</summary>
    public static (string? Code, string? Message) Read(Response response)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        var (bodyCode, message) = ReadBody(response.Content);
        return (code ?? bodyCode, message);
    }

    /// <summary>Parses an error body (JSON OData error or XML storage error).</summary>
    public static (string? Code, string? Message) ReadBody(BinaryData? content)
    {
        if (content is null) return (null, null);
        var text = content.ToString().Trim();
        if (text.Length == 0) return (null, null);
        try
        {
            if (text[0] == '{')
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.TryGetProperty("odata.error", out var error))
                {
                    var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                    var message = error.TryGetProperty("message", out var m)
                        ? m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString()
                        : null;
                    return (code, message);
                }
            }
            else if (text[0] == '<')
            {
                var root = XDocument.Parse(text).Root;
                return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
            }
        }
        catch (Exception e) when (e is JsonException or System.Xml.XmlException)
        {
            // Not a storage error body: fall back to the status alone.
        }
        return (null, null);
    }

    /// <summary>A plain <see cref="RequestFailedException"/> for an unexpected status.</summary>
    public static RequestFailedException Create(Response response, string operation)
    {
        var (code, message) = Read(response);
        return new RequestFailedException(response.Status, Describe(operation, response.Status, code, message), code, null);
    }

    /// <summary>The exception message: operation, status, error code and the service's own words.</summary>
    public static string Describe(string operation, int status, string? code, string? message)
    {
        var firstLine = message?.Split('\n', 2)[0].Trim();
        return $"{operation} failed with {status}{(code is null ? "" : " " + code)}{(string.IsNullOrEmpty(firstLine) ? "" : ": " + firstLine)}";
    }
}
