using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Portal.Storage;

/// <summary>Small helpers shared by the three clients for building and sending requests.</summary>
internal static class StorageRequests
{
    /// <summary>
    /// Creates a message for <paramref name="endpoint"/> + <paramref name="escapedPath"/> (already URL-escaped,
    /// starting with '/'), with optional query parameters (escaped here).
    /// </summary>
    public static HttpMessage Create(HttpPipeline pipeline, RequestMethod method, Uri endpoint, string escapedPath,
        params (string Name, string? Value)[] query)
    {
        var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(endpoint.AbsoluteUri.TrimEnd('/') + escapedPath));
        foreach (var (name, value) in query)
        {
            if (value is not null) message.Request.Uri.AppendQuery(name, value, escapeValue: true);
        }
        return message;
    }

    /// <summary>Sends the message through the pipeline (retries, signing) and returns the buffered response.</summary>
    public static async Task<Response> SendAsync(HttpPipeline pipeline, HttpMessage message, CancellationToken cancellationToken)
    {
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }

    /// <summary>The response's ETag header, or null.</summary>
    public static string? ETag(Response response) => response.Headers.TryGetValue("ETag", out var etag) ? etag : null;
}
