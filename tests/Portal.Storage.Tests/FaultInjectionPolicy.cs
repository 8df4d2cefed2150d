using Azure.Core;
using Azure.Core.Pipeline;

namespace Portal.Storage.Tests;

/// <summary>
/// Sits after the signing policy (per retry) and fails the first <c>failures</c> attempts, either with a
/// transport error or with a canned status, recording the headers each attempt carried.
/// </summary>
internal sealed class FaultInjectionPolicy(int failures, int? status = null) : HttpPipelinePolicy
{
    public List<(string? Date, string? Authorization)> Attempts { get; } = [];

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Fail(message)) return;
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Fail(message)) return;
        await ProcessNextAsync(message, pipeline);
    }

    private bool Fail(HttpMessage message)
    {
        message.Request.Headers.TryGetValue("x-ms-date", out var date);
        message.Request.Headers.TryGetValue("Authorization", out var authorization);
        Attempts.Add((date, authorization));
        if (Attempts.Count > failures) return false;
        if (status is null) throw new IOException("Simulated transport failure.");
        message.Response = new StubResponse(status.Value);
        return true;
    }
}
