using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Portal.Domain.Forms;

/// <summary>
/// Reads an e-Form schema document (already passed by <see cref="SchemaGate"/>) for what validation itself does not give:
/// which schema object an evaluation path names (for the limits quoted in messages), and which schemas declare a field
/// (for its "x-ui" label, hint and widget, and the "x-maxDate" rule).
/// </summary>
internal sealed class SchemaMap(JsonElement root)
{
    private readonly ConcurrentDictionary<string, JsonElement[]> cache = new(StringComparer.Ordinal);

    /// <summary>The schema object an evaluation path (as JsonSchema.Net reports it, through "$ref") leads to.</summary>
    /// <param name="evaluationPath">Tokens of the evaluation path, e.g. ["properties", "child", "$ref", "required"] without the failing keyword.</param>
    /// <returns>The schema, whether the path runs through an "if" (whose failures are not errors), and the last keyword taken.</returns>
    public (JsonElement Schema, bool UnderIf, string? LastKeyword) Follow(IReadOnlyList<string> evaluationPath)
    {
        var current = root;
        var underIf = false;
        string? last = null;
        for (var i = 0; i < evaluationPath.Count; i++)
        {
            var keyword = evaluationPath[i];
            last = keyword;
            switch (keyword)
            {
                case "properties" or "allOf" or "$defs" when i + 1 < evaluationPath.Count:
                    current = SchemaGate.At(current, [keyword, evaluationPath[++i]]) ?? current;
                    break;
                case "$ref" when current.ValueKind == JsonValueKind.Object && current.TryGetProperty("$ref", out var reference):
                    current = SchemaGate.At(root, SchemaGate.ReferenceTokens(root, reference.GetString()!)) ?? current;
                    break;
                case "if":
                    underIf = true;
                    current = SchemaGate.At(current, [keyword]) ?? current;
                    break;
                default:
                    current = SchemaGate.At(current, [keyword]) ?? current;
                    break;
            }
        }
        return (current, underIf, last);
    }

    /// <summary>
    /// The schemas that may apply at an instance location, outer first: the declarations of the property in every schema
    /// applying to its parent (through $ref, allOf, if/then/else whichever branch), so a "then" that only adds "required"
    /// still finds the label declared next to the field. Cached per path shape (array indices folded), as forms are shared.
    /// </summary>
    public IReadOnlyList<JsonElement> SchemasAt(IReadOnlyList<string> instancePath, JsonElement instance)
    {
        var shape = new StringBuilder();
        JsonElement? value = instance;
        foreach (var token in instancePath)
        {
            var isItem = value is { ValueKind: JsonValueKind.Array };
            shape.Append(isItem ? "/[]" : "/" + token.Replace("~", "~0").Replace("/", "~1"));
            value = value is { } current ? SchemaGate.At(current, [token]) : null;
        }
        return cache.GetOrAdd(shape.ToString(), _ => Compute(instancePath, instance));
    }

    private JsonElement[] Compute(IReadOnlyList<string> instancePath, JsonElement instance)
    {
        var pointers = Closure(["#"]);
        JsonElement? value = instance;
        foreach (var token in instancePath)
        {
            var isItem = value is { ValueKind: JsonValueKind.Array };
            var next = new List<string>();
            foreach (var pointer in pointers)
            {
                var schema = Resolve(pointer);
                if (schema.ValueKind != JsonValueKind.Object) continue;
                if (isItem)
                {
                    if (schema.TryGetProperty("items", out _)) next.Add(pointer + "/items");
                }
                else if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                    && properties.TryGetProperty(token, out _))
                {
                    next.Add(pointer + "/properties/" + token.Replace("~", "~0").Replace("/", "~1"));
                }
            }
            pointers = Closure(next);
            value = value is { } current ? SchemaGate.At(current, [token]) : null;
        }
        return pointers.Select(Resolve).ToArray();
    }

    /// <summary>The hints for an instance location: its own declarations first, and "Thành viên 2" for an unlabelled item of a repeat group.</summary>
    public UiHints HintsAt(IReadOnlyList<string> instancePath, JsonElement instance)
    {
        var hints = Fold(SchemasAt(instancePath, instance));
        if (instancePath.Count > 0 && int.TryParse(instancePath[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && SchemaGate.At(instance, instancePath.Take(instancePath.Count - 1)) is { ValueKind: JsonValueKind.Array }
            && ErrorMessages.ItemLabel(Fold(SchemasAt(instancePath.Take(instancePath.Count - 1).ToList(), instance)), index) is { } label)
        {
            hints = hints.WithDefaultLabel(label.Vi, label.En);
        }
        return hints;
    }

    private static UiHints Fold(IEnumerable<JsonElement> schemas) => schemas.Aggregate(UiHints.Empty, (hints, schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("x-ui", out var ui) ? hints.FillFrom(UiHints.Read(ui)) : hints);

    /// <summary>The schema at a pointer ("#/properties/a") of the document.</summary>
    private JsonElement Resolve(string pointer) => SchemaGate.At(root, Tokens(pointer)) ?? default;

    private static IEnumerable<string> Tokens(string pointer) =>
        pointer.Length <= 1 ? [] : pointer[2..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~"));

    /// <summary>The given schemas and every schema they apply in place ($ref, allOf, if, then, else), breadth first, each once.</summary>
    private List<string> Closure(IEnumerable<string> start)
    {
        var order = start.ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        for (var i = 0; i < order.Count; i++)
        {
            var pointer = order[i];
            if (!seen.Add(pointer)) continue;
            result.Add(pointer);
            var schema = Resolve(pointer);
            if (schema.ValueKind != JsonValueKind.Object) continue;
            if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
            {
                order.Add("#" + string.Concat(SchemaGate.ReferenceTokens(root, reference.GetString()!)
                    .Select(t => "/" + t.Replace("~", "~0").Replace("/", "~1"))));
            }
            if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
            {
                order.AddRange(Enumerable.Range(0, allOf.GetArrayLength()).Select(n => $"{pointer}/allOf/{n.ToString(CultureInfo.InvariantCulture)}"));
            }
            foreach (var branch in (string[])["if", "then", "else"])
            {
                if (schema.TryGetProperty(branch, out _)) order.Add($"{pointer}/{branch}");
            }
        }
        return result;
    }
}
