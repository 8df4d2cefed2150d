using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Portal.Storage;

/// <summary>
/// Stamps every try of a request with <c>x-ms-date</c> and <c>x-ms-version</c>. Runs per retry, before the
/// signing policy, so a retried request carries a fresh date and a fresh signature. The date is always the
/// real clock: the service rejects requests whose date is more than 15 minutes off.
/// </summary>
internal sealed class StorageHeadersPolicy(string serviceVersion) : HttpPipelineSynchronousPolicy
{
    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        var now = DateTime.UtcNow;
        message.Request.Headers.SetValue("x-ms-date", now.ToString("R", CultureInfo.InvariantCulture));
        message.Request.Headers.SetValue("x-ms-version", serviceVersion);
    }
}
