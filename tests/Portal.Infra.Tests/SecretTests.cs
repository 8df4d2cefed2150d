using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Portal.Infra.Tests;

/// <summary>No secret is written in the parameter files or produced by the templates.</summary>
public sealed class SecretTests
{
    // Shapes of secrets: storage/Service Bus keys and connection strings, passwords, client secrets,
    // private keys, SAS signatures, long base64 blobs.
    private static readonly Regex SecretLike = new(
        @"AccountKey\s*=|SharedAccessKey|DefaultEndpointsProtocol|InstrumentationKey\s*=|sig=|password|passwd|pwd\s*=|client_?secret|secret\s*[:=]|-----BEGIN|[A-Za-z0-9+/]{40,}={0,2}",
        RegexOptions.IgnoreCase | RegexOptions.Compiled);

    public static TheoryData<string> ParameterFiles() => new(Repo.Files(Repo.Bicep, ".bicepparam").Select(Repo.Relative));

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void NoSecureParameterIsGivenAValue(string file)
    {
        var secure = SecureParameters(ArmTemplate.Main.Root);
        var assigned = Regex.Matches(File.ReadAllText(Path.Combine(Repo.Root, file)), @"^param\s+(\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(assigned);
        Assert.Empty(assigned.Intersect(secure));
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void NoLiteralLooksLikeAKeyPasswordOrConnectionString(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, file));
        var literals = Regex.Matches(text, @"'((?:[^'\\]|\\.)*)'").Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(literals);
        Assert.All(literals, literal => Assert.False(SecretLike.IsMatch(literal), $"{file}: '{literal}' looks like a secret"));
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void NoCompiledParameterValueLooksLikeASecret(string file)
    {
        var values = ResourceTests.ParameterValues(Path.GetFileName(file));
        var strings = values.SelectMany(p => Strings(p.Value)).ToList();

        Assert.NotEmpty(strings);
        Assert.All(strings, s => Assert.False(SecretLike.IsMatch(s), $"{file}: '{s}' looks like a secret"));
    }

    [Fact]
    public void TheTemplateReadsNoKeysAndOutputsNoSecrets()
    {
        var json = ArmTemplate.Main.Root.ToJsonString();

        Assert.DoesNotContain("listKeys(", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listConnectionStrings(", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessKey", json, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(SecureParameters(ArmTemplate.Main.Root));
    }

    private static IEnumerable<string> SecureParameters(JsonObject template) =>
        (template["parameters"]?.AsObject() ?? [])
            .Where(p => p.Value?["type"]?.GetValue<string>() is "securestring" or "secureObject" or "secureString" or "secureobject")
            .Select(p => p.Key);

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
