using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.Domain.Forms;

/// <summary>
/// Compiles a JSON Schema 2020-12 document into <see cref="SchemaNode"/>s, refusing anything outside the e-Form subset:
/// an unknown keyword, a format other than date/email, a $ref that leaves the document, an embedded $id,
/// or a $ref loop that never moves into a property or item.
/// </summary>
internal sealed class SchemaCompiler
{
    /// <summary>The only dialect accepted in "$schema".</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>Timeout for one pattern match, so a pathological pattern cannot hang a request.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Keywords that only annotate and are ignored by validation (besides any "x-..." extension).</summary>
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
    };

    private readonly JsonElement root;
    private readonly string? rootId;
    private readonly Dictionary<string, SchemaNode> nodes = new(StringComparer.Ordinal);

    private SchemaCompiler(JsonElement root)
    {
        this.root = root;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            rootId = id.GetString()!.TrimEnd('#');
        }
    }

    /// <summary>Compiles <paramref name="root"/> (which must stay alive as long as the result; pass a clone).</summary>
    public static SchemaNode Compile(JsonElement root)
    {
        var compiler = new SchemaCompiler(root);
        var node = compiler.CompileAt(root, []);
        compiler.RejectInPlaceCycles();
        foreach (var compiled in compiler.nodes.Values) compiled.Seal();
        return node;
    }

    private static string Pointer(IReadOnlyList<string> tokens)
    {
        var text = new StringBuilder("#");
        foreach (var token in tokens) text.Append('/').Append(token.Replace("~", "~0").Replace("/", "~1"));
        return text.ToString();
    }

    private SchemaNode CompileAt(JsonElement schema, IReadOnlyList<string> path)
    {
        var location = Pointer(path);
        if (nodes.TryGetValue(location, out var existing)) return existing;
        var node = new SchemaNode(location);
        nodes[location] = node;

        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            node.BooleanSchema = schema.ValueKind == JsonValueKind.True;
            return node;
        }
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new FormSchemaException(string.Empty, location, $"A schema must be an object or a boolean, not {schema.ValueKind}");
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            ReadKeyword(node, keyword.Name, keyword.Value, path);
        }
        return node;
    }

    private void ReadKeyword(SchemaNode node, string keyword, JsonElement value, IReadOnlyList<string> path)
    {
        var location = node.Location;
        IReadOnlyList<string> Child(params string[] tokens) => [.. path, .. tokens];

        switch (keyword)
        {
            case "type":
                node.Types = ReadTypes(value, location);
                break;
            case "properties":
                RequireKind(value, JsonValueKind.Object, keyword, location, "an object of schemas");
                node.Properties = value.EnumerateObject()
                    .Select(p => new KeyValuePair<string, SchemaNode>(p.Name, CompileAt(p.Value, Child(keyword, p.Name))))
                    .ToList();
                break;
            case "required":
                RequireKind(value, JsonValueKind.Array, keyword, location, "an array of property names");
                if (value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                {
                    throw new FormSchemaException(keyword, location, "\"required\" must list property names as strings");
                }
                node.Required = value.EnumerateArray().Select(v => v.GetString()!).Distinct(StringComparer.Ordinal).ToList();
                break;
            case "enum":
                RequireKind(value, JsonValueKind.Array, keyword, location, "an array of allowed values");
                node.Enum = value.EnumerateArray().Select(v => v.Clone()).ToList();
                break;
            case "const":
                node.Const = value.Clone();
                break;
            case "pattern":
                RequireKind(value, JsonValueKind.String, keyword, location, "a regular expression string");
                node.Pattern = CompilePattern(value.GetString()!, location);
                break;
            case "format":
                RequireKind(value, JsonValueKind.String, keyword, location, "a string");
                node.Format = value.GetString() switch
                {
                    "date" => SchemaFormat.Date,
                    "email" => SchemaFormat.Email,
                    var other => throw new FormSchemaException(keyword, location,
                        $"Unsupported format \"{other}\": e-Forms may only use the formats \"date\" and \"email\""),
                };
                break;
            case "minLength":
                node.MinLength = ReadCount(value, keyword, location);
                break;
            case "maxLength":
                node.MaxLength = ReadCount(value, keyword, location);
                break;
            case "minItems":
                node.MinItems = ReadCount(value, keyword, location);
                break;
            case "maxItems":
                node.MaxItems = ReadCount(value, keyword, location);
                break;
            case "minimum":
                RequireKind(value, JsonValueKind.Number, keyword, location, "a number");
                node.Minimum = (JsonNumberValue.From(value), value.GetRawText());
                break;
            case "maximum":
                RequireKind(value, JsonValueKind.Number, keyword, location, "a number");
                node.Maximum = (JsonNumberValue.From(value), value.GetRawText());
                break;
            case "items":
                if (value.ValueKind == JsonValueKind.Array)
                {
                    throw new FormSchemaException(keyword, location,
                        "\"items\" must be a single schema in 2020-12; the array (tuple) form and \"prefixItems\" are not supported");
                }
                node.Items = CompileAt(value, Child(keyword));
                break;
            case "if":
                node.If = CompileAt(value, Child(keyword));
                break;
            case "then":
                node.Then = CompileAt(value, Child(keyword));
                break;
            case "else":
                node.Else = CompileAt(value, Child(keyword));
                break;
            case "allOf":
                RequireKind(value, JsonValueKind.Array, keyword, location, "a non-empty array of schemas");
                if (value.GetArrayLength() == 0) throw new FormSchemaException(keyword, location, "\"allOf\" must not be empty");
                node.AllOf = value.EnumerateArray()
                    .Select((s, i) => CompileAt(s, Child(keyword, i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                    .ToList();
                break;
            case "$defs":
                RequireKind(value, JsonValueKind.Object, keyword, location, "an object of schemas");
                foreach (var definition in value.EnumerateObject()) CompileAt(definition.Value, Child(keyword, definition.Name));
                break;
            case "$ref":
                RequireKind(value, JsonValueKind.String, keyword, location, "a string");
                node.Ref = ResolveReference(value.GetString()!, location);
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
            case "x-ui":
                node.Ui = UiHints.Read(value);
                break;
            default:
                if (Annotations.Contains(keyword) || keyword.StartsWith("x-", StringComparison.Ordinal)) break;
                throw new FormSchemaException(keyword, location,
                    $"Unsupported JSON Schema keyword \"{keyword}\": e-Forms may only use type, properties, required, enum, const, "
                    + "pattern, format, minLength, maxLength, minimum, maximum, items, minItems, maxItems, if/then/else, allOf, "
                    + "$ref, $defs and the annotations title, description, $comment and x-...");
        }
    }

    private SchemaNode ResolveReference(string reference, string location)
    {
        var fragment = reference;
        if (!reference.StartsWith('#'))
        {
            var hash = reference.IndexOf('#');
            var resource = hash < 0 ? reference : reference[..hash];
            if (rootId is null || !string.Equals(resource, rootId, StringComparison.Ordinal))
            {
                throw new FormSchemaException("$ref", location,
                    $"\"$ref\": \"{reference}\" leaves this document; only local references such as \"#/$defs/cccd\" are supported");
            }
            fragment = hash < 0 ? "#" : reference[hash..];
        }

        var pointer = Uri.UnescapeDataString(fragment[1..]);
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            throw new FormSchemaException("$ref", location,
                $"\"$ref\": \"{reference}\" uses a plain-name fragment ($anchor); only JSON-pointer references are supported");
        }

        var tokens = pointer.Length == 0
            ? []
            : pointer[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToList();
        var target = root;
        foreach (var token in tokens)
        {
            var found = target.ValueKind switch
            {
                JsonValueKind.Object => target.TryGetProperty(token, out var next) ? next : (JsonElement?)null,
                JsonValueKind.Array => int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                    && index < target.GetArrayLength() ? target[index] : null,
                _ => null,
            };
            target = found ?? throw new FormSchemaException("$ref", location, $"\"$ref\": \"{reference}\" points to nothing in this schema");
        }
        return CompileAt(target, tokens);
    }

    private void RejectInPlaceCycles()
    {
        var state = new Dictionary<SchemaNode, bool>();
        void Visit(SchemaNode node)
        {
            if (state.TryGetValue(node, out var done))
            {
                if (!done)
                {
                    throw new FormSchemaException("$ref", node.Location,
                        "A $ref/allOf/if/then/else loop comes back to this schema without moving into a property or item, so it would never end");
                }
                return;
            }
            state[node] = false;
            foreach (var child in node.InPlaceChildren()) Visit(child);
            state[node] = true;
        }
        foreach (var node in nodes.Values.ToList()) Visit(node);
    }

    private static Regex CompilePattern(string pattern, string location)
    {
        try
        {
            return new Regex(EcmaRegexTranslator.Translate(pattern), RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException error)
        {
            throw new FormSchemaException("pattern", location, $"The pattern \"{pattern}\" cannot be used: {error.Message}");
        }
    }

    private static JsonTypes ReadTypes(JsonElement value, string location)
    {
        static JsonTypes One(JsonElement name, string location) => name.ValueKind == JsonValueKind.String
            ? name.GetString() switch
            {
                "null" => JsonTypes.Null,
                "boolean" => JsonTypes.Boolean,
                "object" => JsonTypes.Object,
                "array" => JsonTypes.Array,
                "number" => JsonTypes.Number,
                "string" => JsonTypes.String,
                "integer" => JsonTypes.Integer,
                var other => throw new FormSchemaException("type", location, $"Unknown type \"{other}\""),
            }
            : throw new FormSchemaException("type", location, "\"type\" must be a type name or an array of type names");

        if (value.ValueKind != JsonValueKind.Array) return One(value, location);
        if (value.GetArrayLength() == 0) throw new FormSchemaException("type", location, "\"type\" must not be an empty array");
        return value.EnumerateArray().Aggregate(JsonTypes.None, (all, name) => all | One(name, location));
    }

    private static long ReadCount(JsonElement value, string keyword, string location)
    {
        var count = value.ValueKind == JsonValueKind.Number ? JsonNumberValue.From(value).AsNonNegativeCount() : null;
        return count ?? throw new FormSchemaException(keyword, location, $"\"{keyword}\" must be a non-negative integer");
    }

    private static void RequireKind(JsonElement value, JsonValueKind kind, string keyword, string location, string expected)
    {
        if (value.ValueKind != kind) throw new FormSchemaException(keyword, location, $"\"{keyword}\" must be {expected}");
    }
}
