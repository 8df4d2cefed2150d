using System.Text.Json;

namespace Portal.Domain.Forms;

/// <summary>
/// A compiled e-Form schema (biểu mẫu điện tử): the server-side twin of the browser's ajv check.
/// Implements JSON Schema 2020-12 for the e-Form subset (type, properties, required, enum, const, pattern,
/// format date/email, minLength/maxLength in code points, minimum/maximum, items, minItems/maxItems,
/// if/then/else, allOf, local $ref, $defs, boolean schemas). Loading refuses any other keyword, so a bad
/// catalogue file fails at start-up rather than being half-checked. Immutable and safe to share between threads.
/// </summary>
public sealed class FormSchema
{
    private readonly SchemaNode root;

    private FormSchema(SchemaNode root) => this.root = root;

    /// <summary>Compiles a schema document.</summary>
    /// <param name="schema">The schema; it is cloned, so the caller may dispose its document.</param>
    /// <exception cref="FormSchemaException">The schema uses an unsupported keyword or is malformed; the exception names the keyword and its location.</exception>
    public static FormSchema Load(JsonElement schema) => new(SchemaCompiler.Compile(schema.Clone()));

    /// <summary>Parses and compiles schema JSON text (for example the "form" of a procedure file).</summary>
    /// <param name="schemaJson">The schema as JSON text.</param>
    /// <exception cref="FormSchemaException">The schema uses an unsupported keyword or is malformed.</exception>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static FormSchema Parse(string schemaJson)
    {
        using var document = JsonDocument.Parse(schemaJson);
        return Load(document.RootElement);
    }

    /// <summary>
    /// Validates form data and returns every error, at most one per field and keyword, in schema order;
    /// an empty list means the data is valid.
    /// </summary>
    /// <param name="instance">The form data (usually an object with "applicant" and the procedure's own fields).</param>
    public IReadOnlyList<FieldError> Validate(JsonElement instance) => SchemaEvaluator.Validate(root, instance);
}
