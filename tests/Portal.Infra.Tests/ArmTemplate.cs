using System.Text.Json.Nodes;

namespace Portal.Infra.Tests;

/// <summary>One resource of a compiled template (nested module templates included).</summary>
/// <param name="Type">Resource type, e.g. Microsoft.Web/sites/config.</param>
/// <param name="Name">The name as compiled (a literal or an ARM expression).</param>
/// <param name="Node">The resource's JSON.</param>
public sealed record ArmResource(string Type, string Name, JsonObject Node)
{
    /// <summary>The resource's properties object (empty when it has none).</summary>
    public JsonObject Properties => Node["properties"] as JsonObject ?? [];
}

/// <summary>
/// main.bicep compiled by the real Bicep CLI (once per test run): the ARM JSON that Azure would receive,
/// read the way Azure reads it (resources as an array or, with languageVersion 2.0, an object; modules as
/// nested deployments carrying their own template).
/// </summary>
public sealed class ArmTemplate
{
    private static readonly Lazy<ArmTemplate> MainTemplate = new(() => new ArmTemplate(BicepCli.Build(Path.Combine(Repo.Bicep, "main.bicep"))));

    /// <summary>main.bicep, compiled.</summary>
    public static ArmTemplate Main => MainTemplate.Value;

    /// <summary>The root template.</summary>
    public JsonObject Root { get; }

    /// <summary>Every resource, modules' resources included, in template order.</summary>
    public IReadOnlyList<ArmResource> Resources { get; }

    /// <summary>Parses compiled ARM JSON.</summary>
    public ArmTemplate(string json)
    {
        Root = JsonNode.Parse(json)!.AsObject();
        var all = new List<ArmResource>();
        Collect(Root, all);
        Resources = all;
    }

    /// <summary>The resources of one type.</summary>
    public IReadOnlyList<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The only resource of one type.</summary>
    public ArmResource Single(string type) => Assert.Single(OfType(type));

    /// <summary>A root variable holding a literal array of strings.</summary>
    public IReadOnlyList<string> StringArrayVariable(string name) =>
        Root["variables"]?[name]?.AsArray().Select(n => n!.GetValue<string>()).ToList()
            ?? throw new InvalidOperationException($"main.bicep has no variable '{name}'.");

    private static void Collect(JsonObject template, List<ArmResource> into)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            if (resource["existing"]?.GetValue<bool>() == true) continue;
            var type = resource["type"]?.GetValue<string>() ?? "";
            into.Add(new ArmResource(type, resource["name"]?.GetValue<string>() ?? "", resource));
            if (resource["properties"]?["template"] is JsonObject nested) Collect(nested, into);
            if (resource["resources"] is not null) Collect(resource, into);
        }
    }
}
