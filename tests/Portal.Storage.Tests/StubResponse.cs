using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace Portal.Storage.Tests;

/// <summary>A canned HTTP response (no body), used to simulate a failing service.</summary>
internal sealed class StubResponse(int status) : Response
{
    public override int Status => status;

    public override string ReasonPhrase => "Simulated";

    // The transport normally classifies responses; a canned one must say itself that it is an error.
    public override bool IsError => status >= 400;

    public override Stream? ContentStream { get; set; } = new MemoryStream();

    public override string ClientRequestId { get; set; } = Guid.NewGuid().ToString();

    public override void Dispose()
    {
    }

    protected override bool ContainsHeader(string name) => false;

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = null;
        return false;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = null;
        return false;
    }
}
