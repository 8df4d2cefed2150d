using Portal.Domain.Lifecycle;
using Portal.Functions.Infrastructure;

namespace Portal.Functions.Lifecycle;

/// <summary>Checks free text against <see cref="TextLimits"/> at the top of a handler, before anything is read or written.</summary>
public static class FreeText
{
    /// <summary>400 naming <paramref name="field"/> when <paramref name="text"/> is longer than <paramref name="max"/>.</summary>
    public static void Ensure(string field, string? text, int max)
    {
        if (TextLimits.Check(text, max) is { } message) throw ProblemException.Invalid(field, message);
    }

    /// <summary>The items of a supplement request: at most <see cref="TextLimits.MissingItems"/>, each within <see cref="TextLimits.MissingItem"/>.</summary>
    public static void EnsureMissing(IReadOnlyList<string>? missing)
    {
        if (missing is null) return;
        if (missing.Count > TextLimits.MissingItems)
        {
            throw ProblemException.Invalid("missing", $"Liệt kê tối đa {TextLimits.MissingItems} giấy tờ cần bổ sung (at most {TextLimits.MissingItems} items).");
        }
        for (var i = 0; i < missing.Count; i++) Ensure($"missing[{i}]", missing[i], TextLimits.MissingItem);
    }
}
