using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Portal.Testing;

/// <summary>
/// Azure Table storage refuses a PartitionKey or RowKey holding <c>/ \ # ?</c>, a control character (U+0000–U+001F,
/// U+007F–U+009F) or more than 1 KiB, with 400; Azurite accepts them. This policy refuses them as Azure does, so the tests
/// see what production would: a key built from a hostile route value fails here too, instead of passing on the emulator.
/// </summary>
public sealed partial class AzureTableKeyRules : HttpPipelinePolicy
{
    /// <summary>Largest key Azure accepts, in UTF-16 characters (1 KiB).</summary>
    public const int MaxKeyChars = 512;

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        ProcessNext(message, pipeline);
    }

    /// <inheritdoc />
    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        return ProcessNextAsync(message, pipeline);
    }

    private static void Check(HttpMessage message)
    {
        var path = message.Request.Uri.Path;
        foreach (Match m in KeyInPath().Matches(path))
        {
            foreach (var group in new[] { m.Groups["pk"], m.Groups["rk"] })
            {
                var key = Uri.UnescapeDataString(group.Value).Replace("''", "'", StringComparison.Ordinal);
                if (key.Length > MaxKeyChars || key.Any(c => c is '/' or '\\' or '#' or '?' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F'))
                {
                    throw new RequestFailedException(400, "The 'PartitionKey' or 'RowKey' parameter is out of range (as Azure Table storage answers).", "OutOfRangeInput", null);
                }
            }
        }
    }

    [GeneratedRegex(@"\(PartitionKey='(?<pk>(?:[^']|'')*)',RowKey='(?<rk>(?:[^']|'')*)'\)")]
    private static partial Regex KeyInPath();
}
