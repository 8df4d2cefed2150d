using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Portal.Domain.Forms;

/// <summary>
/// An e-Form schema (biểu mẫu điện tử), the server-side twin of the browser's ajv check. Validation is JsonSchema.Net's
/// (draft 2020-12, formats asserted); what stays ours is the e-Form subset refused at load (<see cref="SchemaGate"/>),
/// the citizen-facing messages keyed by field id, and the two rules a schema cannot state: no control characters in text
/// and no date after today where the schema says <c>"x-maxDate": "today"</c>. Immutable and safe to share between threads.
/// </summary>
public sealed class FormSchema
{
    /// <summary>Characters allowed in a multi-line answer (widget "textarea") although they are control characters.</summary>
    private const string TextareaControls = "\t\n\r";

    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    private readonly JsonSchema schema;
    private readonly SchemaMap map;
    private readonly FormRules rules;

    private FormSchema(JsonSchema schema, JsonElement document, FormRules rules)
    {
        this.schema = schema;
        this.rules = rules;
        map = new SchemaMap(document);
    }

    /// <summary>Checks and builds a schema document.</summary>
    /// <param name="schema">The schema; it is cloned, so the caller may dispose its document.</param>
    /// <param name="rules">The portal's rules (the default) or JSON Schema only (conformance runs).</param>
    /// <exception cref="FormSchemaException">The schema uses an unsupported keyword or is malformed; the exception names the keyword and its location.</exception>
    public static FormSchema Load(JsonElement schema, FormRules rules = FormRules.Portal)
    {
        var document = WithDialect(schema);
        SchemaGate.Check(document);
        try
        {
            // A registry per form: catalogue and test schemas may share an $id without clashing in the global one.
            var built = JsonSchema.Build(document, new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 });
            return new FormSchema(built, document, rules);
        }
        catch (Exception error) when (error is JsonSchemaException or ArgumentException or InvalidOperationException)
        {
            throw new FormSchemaException(string.Empty, "#", $"The schema cannot be built: {error.Message}");
        }
    }

    /// <summary>Parses and builds schema JSON text (for example the "form" of a procedure file).</summary>
    /// <param name="schemaJson">The schema as JSON text.</param>
    /// <exception cref="FormSchemaException">The schema uses an unsupported keyword or is malformed.</exception>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static FormSchema Parse(string schemaJson)
    {
        using var parsed = JsonDocument.Parse(schemaJson);
        return Load(parsed.RootElement);
    }

    /// <summary>
    /// Validates form data and returns every error, at most one per field and keyword; an empty list means the data is valid.
    /// </summary>
    /// <param name="instance">The form data (usually an object with "applicant" and the procedure's own fields).</param>
    /// <param name="today">The citizen's today (Vietnam time), for "x-maxDate": "today" (a date of birth may not be in the future).</param>
    public IReadOnlyList<FieldError> Validate(JsonElement instance, DateOnly today)
    {
        var errors = new List<FieldError>();
        var reported = new HashSet<(string Field, string Keyword)>();
        void Report(IReadOnlyList<string> path, string keyword, (string Vi, string En) message)
        {
            var field = string.Join('.', path);
            if (reported.Add((field, keyword))) errors.Add(new FieldError(field, keyword, message.Vi, message.En));
        }

        var results = schema.Evaluate(instance, Options);
        if (!results.IsValid)
        {
            foreach (var result in (IEnumerable<EvaluationResults>)[results, .. results.Details ?? []])
            {
                if (result.IsValid || result.Errors is null || result.Errors.Count == 0) continue;
                var (node, underIf, lastKeyword) = map.Follow(Tokens(result.EvaluationPath.ToString()));
                if (underIf) continue; // an "if" that fails only picks the "else" branch
                var path = Tokens(result.InstanceLocation.ToString());
                foreach (var keyword in result.Errors.Keys) ReportKeyword(keyword, node, lastKeyword, path, instance, Report);
            }
        }
        CheckText(instance, [], instance, today, reported, Report);
        return errors;
    }

    /// <summary>Reads "$schema" as 2020-12 when the schema does not say (JsonSchema.Net 8 would otherwise use its 2026 dialect).</summary>
    private static JsonElement WithDialect(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || schema.TryGetProperty("$schema", out _)) return schema.Clone();
        var node = JsonNode.Parse(schema.GetRawText())!.AsObject();
        node.Insert(0, "$schema", SchemaGate.Dialect);
        using var parsed = JsonDocument.Parse(node.ToJsonString());
        return parsed.RootElement.Clone();
    }

    private void ReportKeyword(string keyword, JsonElement node, string? lastKeyword, IReadOnlyList<string> path, JsonElement instance,
        Action<IReadOnlyList<string>, string, (string Vi, string En)> report)
    {
        UiHints Hints() => map.HintsAt(path, instance);
        string Raw(string name) => node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) ? value.GetRawText() : "?";
        long Count(string name) => node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.TryGetDouble(out var d) ? (long)d : 0;

        switch (keyword)
        {
            case "" when lastKeyword == "additionalProperties":
                report(path, "additionalProperties", ErrorMessages.UnknownField(path.Count == 0 ? string.Empty : path[^1]));
                break;
            case "":
                report(path, "false", ErrorMessages.NotAllowed(Hints()));
                break;
            case "required":
                var value = SchemaGate.At(instance, path);
                foreach (var name in node.GetProperty("required").EnumerateArray().Select(n => n.GetString()!))
                {
                    if (value is { ValueKind: JsonValueKind.Object } owner && owner.TryGetProperty(name, out _)) continue;
                    List<string> missing = [.. path, name];
                    report(missing, "required", ErrorMessages.Required(map.HintsAt(missing, instance)));
                }
                break;
            case "type":
                report(path, keyword, ErrorMessages.Type(Hints(), TypesOf(node.GetProperty("type"))));
                break;
            case "enum":
                report(path, keyword, ErrorMessages.Enum(Hints()));
                break;
            case "const":
                report(path, keyword, ErrorMessages.Const(Hints(), Raw("const")));
                break;
            case "pattern":
                report(path, keyword, ErrorMessages.Pattern(Hints()));
                break;
            case "format":
                report(path, keyword, ErrorMessages.Format(Hints(), Raw("format") == "\"date\"" ? SchemaFormat.Date : SchemaFormat.Email));
                break;
            case "minLength":
                report(path, keyword, ErrorMessages.MinLength(Hints(), Count("minLength")));
                break;
            case "maxLength":
                report(path, keyword, ErrorMessages.MaxLength(Hints(), Count("maxLength")));
                break;
            case "minimum":
                report(path, keyword, ErrorMessages.Minimum(Hints(), Raw("minimum")));
                break;
            case "maximum":
                report(path, keyword, ErrorMessages.Maximum(Hints(), Raw("maximum")));
                break;
            case "minItems":
                report(path, keyword, ErrorMessages.MinItems(Hints(), Count("minItems")));
                break;
            case "maxItems":
                report(path, keyword, ErrorMessages.MaxItems(Hints(), Count("maxItems")));
                break;
            default:
                report(path, keyword, ErrorMessages.Invalid(Hints()));
                break;
        }
    }

    /// <summary>
    /// Refuses control characters in every text answer (a textarea may hold line breaks and tabs) and a date after today
    /// where the schema says "x-maxDate": "today"; both are checked the same way by the site's validation.js.
    /// </summary>
    private void CheckText(JsonElement value, List<string> path, JsonElement instance, DateOnly today,
        HashSet<(string Field, string Keyword)> reported, Action<IReadOnlyList<string>, string, (string Vi, string En)> report)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    CheckText(property.Value, [.. path, property.Name], instance, today, reported, report);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckText(item, [.. path, (index++).ToString(CultureInfo.InvariantCulture)], instance, today, reported, report);
                }
                break;
            case JsonValueKind.String:
                var text = value.GetString()!;
                var schemas = map.SchemasAt(path, instance);
                var hints = map.HintsAt(path, instance);
                if (rules == FormRules.Portal && HasControlCharacter(text, hints.Widget == "textarea"))
                {
                    report(path, "controlCharacter", ErrorMessages.ControlCharacter(hints));
                }
                var field = string.Join('.', path);
                if (schemas.Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("x-maxDate", out _))
                    && !reported.Contains((field, "format"))
                    && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    && date > today)
                {
                    report(path, "maxDate", ErrorMessages.AfterToday(hints));
                }
                break;
        }
    }

    /// <summary>C0 controls (U+0000–U+001F), DEL and the C1 controls (U+0080–U+009F); a textarea may hold tab, line feed and carriage return.</summary>
    internal static bool HasControlCharacter(string text, bool multiLine) =>
        text.Any(c => (c < ' ' || c is >= '\u007F' and <= '\u009F') && !(multiLine && TextareaControls.Contains(c)));

    private static List<string> Tokens(string pointer) => pointer.Length == 0
        ? []
        : pointer.TrimStart('#')[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToList();

    private static JsonTypes TypesOf(JsonElement type)
    {
        static JsonTypes One(string? name) => name switch
        {
            "null" => JsonTypes.Null,
            "boolean" => JsonTypes.Boolean,
            "object" => JsonTypes.Object,
            "array" => JsonTypes.Array,
            "number" => JsonTypes.Number,
            "integer" => JsonTypes.Integer,
            _ => JsonTypes.String,
        };
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Aggregate(JsonTypes.None, (all, name) => all | One(name.GetString()))
            : One(type.GetString());
    }
}
