using System.Text.Json;

namespace Portal.Domain.Forms;

/// <summary>
/// JSON equality as JSON Schema defines it for "enum" and "const": numbers by value (1.0 == 1),
/// objects unordered, arrays ordered, no coercion between kinds (false != 0).
/// </summary>
internal static class JsonEquality
{
    /// <summary>True when both values are equal JSON values.</summary>
    public static bool AreEqual(JsonElement left, JsonElement right)
    {
        if (left.ValueKind != right.ValueKind) return false;
        switch (left.ValueKind)
        {
            case JsonValueKind.Number:
                return JsonNumberValue.From(left).Equals(JsonNumberValue.From(right));
            case JsonValueKind.String:
                return string.Equals(left.GetString(), right.GetString(), StringComparison.Ordinal);
            case JsonValueKind.Array:
                if (left.GetArrayLength() != right.GetArrayLength()) return false;
                using (var l = left.EnumerateArray().GetEnumerator())
                using (var r = right.EnumerateArray().GetEnumerator())
                {
                    while (l.MoveNext() && r.MoveNext())
                    {
                        if (!AreEqual(l.Current, r.Current)) return false;
                    }
                }
                return true;
            case JsonValueKind.Object:
                var leftNames = left.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                var rightNames = right.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                if (!leftNames.SetEquals(rightNames)) return false;
                foreach (var name in leftNames)
                {
                    if (!AreEqual(left.GetProperty(name), right.GetProperty(name))) return false;
                }
                return true;
            default:
                return true;
        }
    }
}
