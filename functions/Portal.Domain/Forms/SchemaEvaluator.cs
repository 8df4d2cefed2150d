using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.Domain.Forms;

/// <summary>
/// Applies compiled schemas to a form instance. With an error list it collects every failure (one per field and keyword);
/// without one it only answers valid / not valid and stops at the first failure (used for "if").
/// </summary>
internal sealed class SchemaEvaluator
{
    private readonly List<FieldError>? errors;
    private readonly HashSet<(string Field, string Keyword)> reported = [];

    private SchemaEvaluator(List<FieldError>? errors) => this.errors = errors;

    private bool Collecting => errors is not null;

    /// <summary>Validates <paramref name="instance"/> against <paramref name="root"/> and returns every error.</summary>
    public static IReadOnlyList<FieldError> Validate(SchemaNode root, JsonElement instance)
    {
        var errors = new List<FieldError>();
        new SchemaEvaluator(errors).Evaluate(root, instance, string.Empty, HintsOf(root), root);
        return errors;
    }

    /// <summary>
    /// Hints for a location entered through <paramref name="entry"/>: the entry schema's own "x-ui" first,
    /// then those of the schemas it references (so an outer label wins over the one in a $defs entry).
    /// </summary>
    private static UiHints HintsOf(SchemaNode entry) =>
        entry.InPlaceClosure.Aggregate(UiHints.Empty, (hints, node) => hints.FillFrom(node.Ui));

    /// <summary>
    /// Hints for property <paramref name="name"/> of the object whose location was entered through <paramref name="locationRoot"/>:
    /// every declaration of that property among the schemas applying there (properties inside allOf, then, else, $ref...) is consulted,
    /// so a "then" that only adds "required" still finds the label declared next to the field.
    /// </summary>
    private static UiHints PropertyHints(SchemaNode locationRoot, string name, SchemaNode? first)
    {
        var hints = first is null ? UiHints.Empty : HintsOf(first);
        foreach (var node in locationRoot.InPlaceClosure)
        {
            var declared = node.PropertySchema(name);
            if (declared is not null && declared != first) hints = hints.FillFrom(HintsOf(declared));
        }
        return hints;
    }

    private static string Join(string path, string segment) => path.Length == 0 ? segment : $"{path}.{segment}";

    private bool Evaluate(SchemaNode node, JsonElement instance, string path, UiHints ui, SchemaNode locationRoot)
    {
        if (node.BooleanSchema is bool accepted)
        {
            if (!accepted) Report(path, "false", ErrorMessages.NotAllowed(ui));
            return accepted;
        }

        var valid = true;
        bool Stop(bool passed)
        {
            valid &= passed;
            return !valid && !Collecting;
        }

        if (node.Ref is not null && Stop(Evaluate(node.Ref, instance, path, ui, locationRoot))) return false;
        if (node.Types != JsonTypes.None && Stop(Check(HasType(instance, node.Types), path, "type", () => ErrorMessages.Type(ui, node.Types)))) return false;
        if (node.Enum is not null
            && Stop(Check(node.Enum.Any(option => JsonEquality.AreEqual(option, instance)), path, "enum", () => ErrorMessages.Enum(ui)))) return false;
        if (node.Const is JsonElement expected
            && Stop(Check(JsonEquality.AreEqual(expected, instance), path, "const", () => ErrorMessages.Const(ui, expected.GetRawText())))) return false;

        var kindValid = instance.ValueKind switch
        {
            JsonValueKind.String => EvaluateString(node, instance.GetString()!, path, ui),
            JsonValueKind.Number => EvaluateNumber(node, JsonNumberValue.From(instance), path, ui),
            JsonValueKind.Object => EvaluateObject(node, instance, path, locationRoot),
            JsonValueKind.Array => EvaluateArray(node, instance, path, ui),
            _ => true,
        };
        if (Stop(kindValid)) return false;

        foreach (var part in node.AllOf ?? [])
        {
            if (Stop(Evaluate(part, instance, path, ui, locationRoot))) return false;
        }

        if (node.If is not null)
        {
            var branch = new SchemaEvaluator(null).Evaluate(node.If, instance, path, ui, locationRoot) ? node.Then : node.Else;
            if (branch is not null && Stop(Evaluate(branch, instance, path, ui, locationRoot))) return false;
        }

        return valid;
    }

    /// <summary>Reports <paramref name="keyword"/> at <paramref name="field"/> unless <paramref name="passed"/>; returns <paramref name="passed"/>.</summary>
    private bool Check(bool passed, string field, string keyword, Func<(string Vi, string En)> message)
    {
        if (!passed) Report(field, keyword, message());
        return passed;
    }

    private bool EvaluateString(SchemaNode node, string text, string path, UiHints ui)
    {
        var valid = true;
        if (node.MinLength is not null || node.MaxLength is not null)
        {
            var length = CodePoints(text);
            if (node.MinLength is long min) valid &= Check(length >= min, path, "minLength", () => ErrorMessages.MinLength(ui, min));
            if (!valid && !Collecting) return false;
            if (node.MaxLength is long max) valid &= Check(length <= max, path, "maxLength", () => ErrorMessages.MaxLength(ui, max));
            if (!valid && !Collecting) return false;
        }
        if (node.Pattern is not null) valid &= Check(Matches(node.Pattern, text), path, "pattern", () => ErrorMessages.Pattern(ui));
        if (!valid && !Collecting) return false;
        if (node.Format is SchemaFormat format)
        {
            valid &= Check(FormatValidator.IsValid(format, text), path, "format", () => ErrorMessages.Format(ui, format));
        }
        return valid;
    }

    private bool EvaluateNumber(SchemaNode node, JsonNumberValue number, string path, UiHints ui)
    {
        var valid = true;
        if (node.Minimum is { } minimum)
        {
            valid &= Check(number.CompareTo(minimum.Value) >= 0, path, "minimum", () => ErrorMessages.Minimum(ui, minimum.Text));
        }
        if (!valid && !Collecting) return false;
        if (node.Maximum is { } maximum)
        {
            valid &= Check(number.CompareTo(maximum.Value) <= 0, path, "maximum", () => ErrorMessages.Maximum(ui, maximum.Text));
        }
        return valid;
    }

    private bool EvaluateObject(SchemaNode node, JsonElement instance, string path, SchemaNode locationRoot)
    {
        var valid = true;
        foreach (var name in node.Required ?? [])
        {
            valid &= Check(instance.TryGetProperty(name, out _), Join(path, name), "required",
                () => ErrorMessages.Required(PropertyHints(locationRoot, name, node.PropertySchema(name))));
            if (!valid && !Collecting) return false;
        }
        foreach (var (name, schema) in node.Properties ?? [])
        {
            if (!instance.TryGetProperty(name, out var value)) continue;
            valid &= Evaluate(schema, value, Join(path, name), PropertyHints(locationRoot, name, schema), schema);
            if (!valid && !Collecting) return false;
        }
        return valid;
    }

    private bool EvaluateArray(SchemaNode node, JsonElement instance, string path, UiHints ui)
    {
        var valid = true;
        var count = instance.GetArrayLength();
        if (node.MinItems is long min) valid &= Check(count >= min, path, "minItems", () => ErrorMessages.MinItems(ui, min));
        if (!valid && !Collecting) return false;
        if (node.MaxItems is long max) valid &= Check(count <= max, path, "maxItems", () => ErrorMessages.MaxItems(ui, max));
        if (!valid && !Collecting) return false;
        if (node.Items is null) return valid;

        var itemHints = HintsOf(node.Items);
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            var hints = ErrorMessages.ItemLabel(ui, index) is { } label ? itemHints.WithDefaultLabel(label.Vi, label.En) : itemHints;
            valid &= Evaluate(node.Items, item, Join(path, index.ToString(CultureInfo.InvariantCulture)), hints, node.Items);
            if (!valid && !Collecting) return false;
            index++;
        }
        return valid;
    }

    private void Report(string field, string keyword, (string Vi, string En) message)
    {
        if (errors is not null && reported.Add((field, keyword)))
        {
            errors.Add(new FieldError(field, keyword, message.Vi, message.En));
        }
    }

    private static bool HasType(JsonElement instance, JsonTypes types) => instance.ValueKind switch
    {
        JsonValueKind.Null => types.HasFlag(JsonTypes.Null),
        JsonValueKind.True or JsonValueKind.False => types.HasFlag(JsonTypes.Boolean),
        JsonValueKind.Object => types.HasFlag(JsonTypes.Object),
        JsonValueKind.Array => types.HasFlag(JsonTypes.Array),
        JsonValueKind.String => types.HasFlag(JsonTypes.String),
        JsonValueKind.Number => types.HasFlag(JsonTypes.Number)
            || (types.HasFlag(JsonTypes.Integer) && JsonNumberValue.From(instance).IsInteger),
        _ => false,
    };

    /// <summary>Length in Unicode code points, as JSON Schema counts it ("𝒜" is one character, not two UTF-16 units).</summary>
    private static long CodePoints(string text)
    {
        long count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            count++;
        }
        return count;
    }

    /// <summary>A match that runs past the timeout counts as a failure: the server never accepts what it could not check.</summary>
    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
