using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Portal.Stores.Tests;

/// <summary>
/// A pipeline policy that reads the body of every Table <c>$batch</c> request and records the partition keys of
/// its actions (from the entities' JSON, and from the entity URLs of updates and deletes). Azure rejects a batch
/// that spans partitions; Azurite accepts it, so only an inspection like this proves our code never sends one.
/// </summary>
public sealed partial class BatchInspector : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<IReadOnlySet<string>> _batches = new();

    /// <summary>The partition keys of each batch sent so far, in order.</summary>
    public IReadOnlyList<IReadOnlySet<string>> Batches => _batches.ToList();

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    /// <inheritdoc />
    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    /// <summary>The partition keys named in a batch body.</summary>
    public static IReadOnlySet<string> PartitionKeysOf(string body)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in JsonKey().Matches(body)) keys.Add(Regex.Unescape(m.Groups[1].Value));
        // Request lines of the changeset ("PUT https://.../Table(PartitionKey='a',RowKey='b') HTTP/1.1"), possibly percent-encoded.
        foreach (var line in body.Split('\n').Where(l => RequestLine().IsMatch(l)))
        {
            foreach (Match m in UrlKey().Matches(Uri.UnescapeDataString(line))) keys.Add(m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal));
        }
        return keys;
    }

    private void Record(HttpMessage message)
    {
        if (!message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) || message.Request.Content is null) return;
        using var buffer = new MemoryStream();
        message.Request.Content.WriteTo(buffer, CancellationToken.None);
        _batches.Enqueue(PartitionKeysOf(Encoding.UTF8.GetString(buffer.ToArray())));
    }

    [GeneratedRegex("\"PartitionKey\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex JsonKey();

    [GeneratedRegex("^(POST|PUT|PATCH|MERGE|DELETE|GET) ")]
    private static partial Regex RequestLine();

    [GeneratedRegex("\\(PartitionKey='((?:[^']|'')*)'")]
    private static partial Regex UrlKey();
}
