using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.Domain.Forms;

/// <summary>
/// One compiled schema object (or boolean schema) of an e-Form. Built once by <see cref="SchemaCompiler"/>,
/// then only read, so a <see cref="FormSchema"/> can be shared between requests.
/// </summary>
internal sealed class SchemaNode
{
    private IReadOnlyList<SchemaNode>? inPlaceClosure;

    /// <summary>Creates an empty node for the schema at <paramref name="location"/>.</summary>
    public SchemaNode(string location) => Location = location;

    /// <summary>JSON pointer of this schema in its document, as a URI fragment ("#/$defs/cccd").</summary>
    public string Location { get; }

    /// <summary>Set for the boolean schemas true (accept anything) and false (accept nothing).</summary>
    public bool? BooleanSchema { get; set; }

    /// <summary>The "type" keyword; <see cref="JsonTypes.None"/> when absent.</summary>
    public JsonTypes Types { get; set; }

    /// <summary>The "properties" keyword, in schema order.</summary>
    public List<KeyValuePair<string, SchemaNode>>? Properties { get; set; }

    /// <summary>The "required" keyword.</summary>
    public IReadOnlyList<string>? Required { get; set; }

    /// <summary>The "enum" keyword (cloned values).</summary>
    public IReadOnlyList<JsonElement>? Enum { get; set; }

    /// <summary>The "const" keyword (a cloned value).</summary>
    public JsonElement? Const { get; set; }

    /// <summary>The "pattern" keyword, translated from ECMA-262 to .NET.</summary>
    public Regex? Pattern { get; set; }

    /// <summary>The "format" keyword when it is one the portal asserts.</summary>
    public SchemaFormat? Format { get; set; }

    /// <summary>The "minLength" keyword, in Unicode code points.</summary>
    public long? MinLength { get; set; }

    /// <summary>The "maxLength" keyword, in Unicode code points.</summary>
    public long? MaxLength { get; set; }

    /// <summary>The "minimum" keyword and its text for messages.</summary>
    public (JsonNumberValue Value, string Text)? Minimum { get; set; }

    /// <summary>The "maximum" keyword and its text for messages.</summary>
    public (JsonNumberValue Value, string Text)? Maximum { get; set; }

    /// <summary>The "minItems" keyword.</summary>
    public long? MinItems { get; set; }

    /// <summary>The "maxItems" keyword.</summary>
    public long? MaxItems { get; set; }

    /// <summary>The "items" keyword (2020-12 form: one schema for every item).</summary>
    public SchemaNode? Items { get; set; }

    /// <summary>The "if" keyword.</summary>
    public SchemaNode? If { get; set; }

    /// <summary>The "then" keyword.</summary>
    public SchemaNode? Then { get; set; }

    /// <summary>The "else" keyword.</summary>
    public SchemaNode? Else { get; set; }

    /// <summary>The "allOf" keyword.</summary>
    public IReadOnlyList<SchemaNode>? AllOf { get; set; }

    /// <summary>The schema "$ref" points to.</summary>
    public SchemaNode? Ref { get; set; }

    /// <summary>The "x-ui" hints of this very schema object.</summary>
    public UiHints Ui { get; set; } = UiHints.Empty;

    /// <summary>Subschemas applied to the same instance location: $ref, allOf, if, then, else.</summary>
    public IEnumerable<SchemaNode> InPlaceChildren()
    {
        if (Ref is not null) yield return Ref;
        foreach (var child in AllOf ?? []) yield return child;
        if (If is not null) yield return If;
        if (Then is not null) yield return Then;
        if (Else is not null) yield return Else;
    }

    /// <summary>
    /// This node and every node reachable from it through in-place applicators, breadth first (so an outer schema
    /// comes before the one it references). Computed once after compilation.
    /// </summary>
    public IReadOnlyList<SchemaNode> InPlaceClosure => inPlaceClosure ?? throw new InvalidOperationException("The schema is not sealed yet.");

    /// <summary>Computes <see cref="InPlaceClosure"/>; called by the compiler once the graph is complete.</summary>
    public void Seal()
    {
        var seen = new HashSet<SchemaNode> { this };
        var order = new List<SchemaNode> { this };
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var child in order[i].InPlaceChildren())
            {
                if (seen.Add(child)) order.Add(child);
            }
        }
        inPlaceClosure = order;
    }

    /// <summary>The subschema of property <paramref name="name"/>, if this node declares one.</summary>
    public SchemaNode? PropertySchema(string name)
    {
        if (Properties is null) return null;
        foreach (var (propertyName, schema) in Properties)
        {
            if (string.Equals(propertyName, name, StringComparison.Ordinal)) return schema;
        }
        return null;
    }
}
