using System.Text.Json;

namespace Portal.Testing;

/// <summary>Reads JSON the way a person would: every property name and string value, unescaped.</summary>
public static class JsonText
{
    /// <summary>All property names and string values in <paramref name="element"/>, depth first.</summary>
    public static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    yield return property.Name;
                    foreach (var s in Strings(property.Value)) yield return s;
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var s in Strings(item)) yield return s;
                }
                break;
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            default:
                yield return element.GetRawText();
                break;
        }
    }
}
