using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.Domain.Forms;

/// <summary>
/// The load-time check of an e-Form schema: only keywords the browser (ajv) and the server both honour the same way,
/// with well-formed values. JsonSchema.Net would accept far more (and evaluate unknown keywords as annotations), so this
/// allow-list is what keeps a catalogue file from meaning one thing in the browser and another on the server.
/// It refuses an unknown keyword, a format other than date/email, a $ref that leaves the document, an embedded $id,
/// a pattern .NET cannot compile (e.g. <c>\p{Letter}</c>: write <c>\p{L}</c>) and a $ref loop that never moves into
/// a property or item (JsonSchema.Net would recurse until the stack overflows).
/// </summary>
internal sealed class SchemaGate
{
    /// <summary>The only dialect accepted in "$schema".</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The only value of "x-maxDate": the date may not be after the day of validation.</summary>
    public const string Today = "today";

    /// <summary>Keywords that only annotate and are ignored by validation (besides any "x-..." extension).</summary>
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
    };

    private readonly JsonElement root;
    private readonly string? rootId;
    private readonly HashSet<string> visited = new(StringComparer.Ordinal);

    /// <summary>Schema location -> locations applied to the same instance ($ref, allOf, if/then/else), for the loop check.</summary>
    private readonly Dictionary<string, List<string>> inPlace = new(StringComparer.Ordinal);

    private SchemaGate(JsonElement root)
    {
        this.root = root;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            rootId = id.GetString()!.TrimEnd('#');
        }
    }

    /// <summary>Refuses <paramref name="root"/> with a <see cref="FormSchemaException"/> naming the keyword and location when it leaves the e-Form subset.</summary>
    public static void Check(JsonElement root)
    {
        var gate = new SchemaGate(root);
        gate.Visit(root, []);
        gate.RejectInPlaceCycles();
    }

    /// <summary>Resolves a local reference (checked by <see cref="Check"/>) to its tokens from the document root.</summary>
    public static IReadOnlyList<string> ReferenceTokens(JsonElement root, string reference)
    {
        var fragment = reference;
        var hash = reference.IndexOf('#');
        if (!reference.StartsWith('#')) fragment = hash < 0 ? "#" : reference[hash..];
        var pointer = Uri.UnescapeDataString(fragment[1..]);
        return pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToList();
    }

    /// <summary>The element at <paramref name="tokens"/> from <paramref name="from"/>, or null.</summary>
    public static JsonElement? At(JsonElement from, IEnumerable<string> tokens)
    {
        var target = from;
        foreach (var token in tokens)
        {
            JsonElement? found = target.ValueKind switch
            {
                JsonValueKind.Object => target.TryGetProperty(token, out var next) ? next : null,
                JsonValueKind.Array => int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index < target.GetArrayLength() ? target[index] : null,
                _ => null,
            };
            if (found is null) return null;
            target = found.Value;
        }
        return target;
    }

    private static string Pointer(IReadOnlyList<string> tokens)
    {
        var text = new StringBuilder("#");
        foreach (var token in tokens) text.Append('/').Append(token.Replace("~", "~0").Replace("/", "~1"));
        return text.ToString();
    }

    private void Visit(JsonElement schema, IReadOnlyList<string> path)
    {
        var location = Pointer(path);
        if (!visited.Add(location)) return;
        inPlace[location] = [];
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False) return;
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new FormSchemaException(string.Empty, location, $"A schema must be an object or a boolean, not {schema.ValueKind}");
        }
        foreach (var keyword in schema.EnumerateObject()) CheckKeyword(keyword.Name, keyword.Value, path, location);
    }

    private void InPlace(string location, IReadOnlyList<string> target, JsonElement schema)
    {
        inPlace[location].Add(Pointer(target));
        Visit(schema, target);
    }

    private void CheckKeyword(string keyword, JsonElement value, IReadOnlyList<string> path, string location)
    {
        IReadOnlyList<string> Child(params string[] tokens) => [.. path, .. tokens];

        switch (keyword)
        {
            case "type":
                CheckTypes(value, location);
                break;
            case "properties":
                RequireKind(value, JsonValueKind.Object, keyword, location, "an object of schemas");
                foreach (var property in value.EnumerateObject()) Visit(property.Value, Child(keyword, property.Name));
                break;
            case "additionalProperties":
                Visit(value, Child(keyword));
                break;
            case "required":
                RequireKind(value, JsonValueKind.Array, keyword, location, "an array of property names");
                if (value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                {
                    throw new FormSchemaException(keyword, location, "\"required\" must list property names as strings");
                }
                break;
            case "enum":
                RequireKind(value, JsonValueKind.Array, keyword, location, "an array of allowed values");
                break;
            case "const":
                break;
            case "pattern":
                RequireKind(value, JsonValueKind.String, keyword, location, "a regular expression string");
                CheckPattern(value.GetString()!, location);
                break;
            case "format":
                RequireKind(value, JsonValueKind.String, keyword, location, "a string");
                if (value.GetString() is not ("date" or "email"))
                {
                    throw new FormSchemaException(keyword, location,
                        $"Unsupported format \"{value.GetString()}\": e-Forms may only use the formats \"date\" and \"email\"");
                }
                break;
            case "x-maxDate":
                if (value.ValueKind != JsonValueKind.String || value.GetString() != Today)
                {
                    throw new FormSchemaException(keyword, location, $"\"x-maxDate\" may only be \"{Today}\" (the date may not be after today)");
                }
                break;
            case "minLength" or "maxLength" or "minItems" or "maxItems":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var count) || count < 0 || count != Math.Floor(count))
                {
                    throw new FormSchemaException(keyword, location, $"\"{keyword}\" must be a non-negative integer");
                }
                break;
            case "minimum" or "maximum":
                RequireKind(value, JsonValueKind.Number, keyword, location, "a number");
                break;
            case "items":
                if (value.ValueKind == JsonValueKind.Array)
                {
                    throw new FormSchemaException(keyword, location,
                        "\"items\" must be a single schema in 2020-12; the array (tuple) form and \"prefixItems\" are not supported");
                }
                Visit(value, Child(keyword));
                break;
            case "if" or "then" or "else":
                InPlace(location, Child(keyword), value);
                break;
            case "allOf":
                RequireKind(value, JsonValueKind.Array, keyword, location, "a non-empty array of schemas");
                if (value.GetArrayLength() == 0) throw new FormSchemaException(keyword, location, "\"allOf\" must not be empty");
                var index = 0;
                foreach (var part in value.EnumerateArray())
                {
                    InPlace(location, Child(keyword, (index++).ToString(CultureInfo.InvariantCulture)), part);
                }
                break;
            case "$defs":
                RequireKind(value, JsonValueKind.Object, keyword, location, "an object of schemas");
                foreach (var definition in value.EnumerateObject()) Visit(definition.Value, Child(keyword, definition.Name));
                break;
            case "$ref":
                RequireKind(value, JsonValueKind.String, keyword, location, "a string");
                var tokens = CheckReference(value.GetString()!, location);
                InPlace(location, tokens, At(root, tokens)!.Value);
                break;
            case "$schema":
                if (value.ValueKind != JsonValueKind.String || value.GetString()!.TrimEnd('#') != Dialect)
                {
                    throw new FormSchemaException(keyword, location, $"Only the JSON Schema 2020-12 dialect \"{Dialect}\" is supported");
                }
                break;
            case "$id" when path.Count > 0:
                throw new FormSchemaException(keyword, location,
                    "\"$id\" is only allowed on the root schema; embedded schema resources change how $ref resolves and are not supported");
            default:
                if (Annotations.Contains(keyword) || keyword.StartsWith("x-", StringComparison.Ordinal)) break;
                throw new FormSchemaException(keyword, location,
                    $"Unsupported JSON Schema keyword \"{keyword}\": e-Forms may only use type, properties, additionalProperties, required, "
                    + "enum, const, pattern, format, minLength, maxLength, minimum, maximum, items, minItems, maxItems, if/then/else, "
                    + "allOf, $ref, $defs, the annotations title, description, $comment and x-... (x-ui, x-maxDate)");
        }
    }

    private IReadOnlyList<string> CheckReference(string reference, string location)
    {
        if (!reference.StartsWith('#'))
        {
            var hash = reference.IndexOf('#');
            var resource = hash < 0 ? reference : reference[..hash];
            if (rootId is null || !string.Equals(resource, rootId, StringComparison.Ordinal))
            {
                throw new FormSchemaException("$ref", location,
                    $"\"$ref\": \"{reference}\" leaves this document; only local references such as \"#/$defs/cccd\" are supported");
            }
        }
        var hashAt = reference.IndexOf('#');
        var pointer = hashAt < 0 ? string.Empty : Uri.UnescapeDataString(reference[(hashAt + 1)..]);
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            throw new FormSchemaException("$ref", location,
                $"\"$ref\": \"{reference}\" uses a plain-name fragment ($anchor); only JSON-pointer references are supported");
        }
        var tokens = ReferenceTokens(root, reference);
        if (At(root, tokens) is null)
        {
            throw new FormSchemaException("$ref", location, $"\"$ref\": \"{reference}\" points to nothing in this schema");
        }
        return tokens;
    }

    private void RejectInPlaceCycles()
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        void Walk(string location)
        {
            if (state.TryGetValue(location, out var done))
            {
                if (!done)
                {
                    throw new FormSchemaException("$ref", location,
                        "A $ref/allOf/if/then/else loop comes back to this schema without moving into a property or item, so it would never end");
                }
                return;
            }
            state[location] = false;
            foreach (var next in inPlace.GetValueOrDefault(location) ?? []) Walk(next);
            state[location] = true;
        }
        foreach (var location in inPlace.Keys.ToList()) Walk(location);
    }

    /// <summary>Compiles the pattern as JsonSchema.Net will, so a pattern it cannot run is refused at load, not per request.</summary>
    private static void CheckPattern(string pattern, string location)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException error)
        {
            throw new FormSchemaException("pattern", location,
                $"The pattern \"{pattern}\" cannot be used by the server's .NET regular expressions (write \\p{{L}}, not \\p{{Letter}}): {error.Message}");
        }
    }

    private static void CheckTypes(JsonElement value, string location)
    {
        static void One(JsonElement name, string location)
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                throw new FormSchemaException("type", location, "\"type\" must be a type name or an array of type names");
            }
            if (name.GetString() is not ("null" or "boolean" or "object" or "array" or "number" or "string" or "integer"))
            {
                throw new FormSchemaException("type", location, $"Unknown type \"{name.GetString()}\"");
            }
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            One(value, location);
            return;
        }
        if (value.GetArrayLength() == 0) throw new FormSchemaException("type", location, "\"type\" must not be an empty array");
        foreach (var name in value.EnumerateArray()) One(name, location);
    }

    private static void RequireKind(JsonElement value, JsonValueKind kind, string keyword, string location, string expected)
    {
        if (value.ValueKind != kind) throw new FormSchemaException(keyword, location, $"\"{keyword}\" must be {expected}");
    }
}
