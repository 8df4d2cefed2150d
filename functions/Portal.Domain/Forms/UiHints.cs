using System.Text.Json;

namespace Portal.Domain.Forms;

/// <summary>
/// The parts of an "x-ui" annotation that error messages use: the field label (nhãn), hint (gợi ý), widget and,
/// for repeat groups, the item label. Missing values stay null so an outer schema's hints can win over a referenced one.
/// </summary>
internal sealed record UiHints(
    string? LabelVi,
    string? LabelEn,
    string? HintVi,
    string? HintEn,
    string? Widget,
    string? ItemLabelVi,
    string? ItemLabelEn)
{
    /// <summary>No hints at all.</summary>
    public static UiHints Empty { get; } = new(null, null, null, null, null, null, null);

    /// <summary>Reads the "x-ui" object of a schema; anything malformed is ignored (it is only an annotation).</summary>
    public static UiHints Read(JsonElement xUi)
    {
        if (xUi.ValueKind != JsonValueKind.Object) return Empty;
        var (labelVi, labelEn) = Localized(xUi, "label");
        var (hintVi, hintEn) = Localized(xUi, "hint");
        var (itemVi, itemEn) = Localized(xUi, "itemLabel");
        var widget = xUi.TryGetProperty("widget", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString() : null;
        return new UiHints(labelVi, labelEn, hintVi, hintEn, widget, itemVi, itemEn);
    }

    /// <summary>
    /// Keeps every value already set here and takes the missing ones from <paramref name="other"/>;
    /// a Vietnamese/English pair is taken as a whole so the two languages always name the same thing.
    /// </summary>
    public UiHints FillFrom(UiHints other)
    {
        var (labelVi, labelEn) = LabelVi is null && LabelEn is null ? (other.LabelVi, other.LabelEn) : (LabelVi, LabelEn);
        var (hintVi, hintEn) = HintVi is null && HintEn is null ? (other.HintVi, other.HintEn) : (HintVi, HintEn);
        var (itemVi, itemEn) = ItemLabelVi is null && ItemLabelEn is null ? (other.ItemLabelVi, other.ItemLabelEn) : (ItemLabelVi, ItemLabelEn);
        return new UiHints(labelVi, labelEn, hintVi, hintEn, Widget ?? other.Widget, itemVi, itemEn);
    }

    /// <summary>Returns these hints with the label replaced when none is set.</summary>
    public UiHints WithDefaultLabel(string? vi, string? en) =>
        LabelVi is null && vi is not null ? this with { LabelVi = vi, LabelEn = en ?? vi } : this;

    private static (string? Vi, string? En) Localized(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var value)) return (null, null);
        if (value.ValueKind == JsonValueKind.String) return (value.GetString(), null);
        if (value.ValueKind != JsonValueKind.Object) return (null, null);
        string? Text(string language) =>
            value.TryGetProperty(language, out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
        return (Text("vi"), Text("en"));
    }
}
