using System.Globalization;

namespace Portal.Domain.Forms;

/// <summary>
/// Builds the citizen-facing messages (Vietnamese first, English second) for each failed keyword,
/// using the field's label from "x-ui" when there is one and saying what to do to fix the value.
/// </summary>
internal static class ErrorMessages
{
    private const string CccdDigits = "12";

    /// <summary>A required value is missing (or, for minLength 1, left empty).</summary>
    public static (string Vi, string En) Required(UiHints ui) => ui.Widget switch
    {
        "select" or "radio" => ui.LabelVi is null
            ? ("Vui lòng chọn một giá trị", "Please choose a value")
            : ($"Vui lòng chọn {ui.LabelVi}", $"Please choose {En(ui)}"),
        "checkbox" => ui.LabelVi is null
            ? ("Vui lòng đánh dấu ô xác nhận", "Please tick the confirmation box")
            : ($"Vui lòng đánh dấu ô “{ui.LabelVi}”", $"Please tick “{En(ui)}”"),
        _ => ui.LabelVi is null
            ? ("Vui lòng nhập thông tin bắt buộc này", "Please fill in this required field")
            : ($"Vui lòng nhập {ui.LabelVi}", $"Please enter {En(ui)}"),
    };

    /// <summary>The value has the wrong JSON type.</summary>
    public static (string Vi, string En) Type(UiHints ui, JsonTypes expected)
    {
        var names = System.Enum.GetValues<JsonTypes>().Where(t => t != JsonTypes.None && expected.HasFlag(t)).ToList();
        var vi = string.Join(" hoặc ", names.Select(TypeVi));
        var en = string.Join(" or ", names.Select(TypeEn));
        return ui.LabelVi is null
            ? ($"Giá trị phải là {vi}", $"The value must be {en}")
            : ($"{ui.LabelVi} phải là {vi}", $"{En(ui)} must be {en}");
    }

    /// <summary>The value is not one of the listed choices.</summary>
    public static (string Vi, string En) Enum(UiHints ui) => ui.LabelVi is null
        ? ("Vui lòng chọn một giá trị trong danh sách cho sẵn", "Please choose one of the listed values")
        : ($"Vui lòng chọn {ui.LabelVi} trong danh sách cho sẵn", $"Please choose {En(ui)} from the list");

    /// <summary>The value differs from the only allowed one (a ticked declaration box when it is true).</summary>
    public static (string Vi, string En) Const(UiHints ui, string expectedJson)
    {
        if (expectedJson == "true")
        {
            return ui.LabelVi is null
                ? ("Vui lòng đánh dấu ô xác nhận", "Please tick the confirmation box")
                : ($"Vui lòng đánh dấu ô “{ui.LabelVi}”", $"Please tick “{En(ui)}”");
        }
        return ui.LabelVi is null
            ? ($"Giá trị phải là {expectedJson}", $"The value must be {expectedJson}")
            : ($"{ui.LabelVi} phải là {expectedJson}", $"{En(ui)} must be {expectedJson}");
    }

    /// <summary>The text does not match the pattern; CCCD and phone widgets get a message that says the rule.</summary>
    public static (string Vi, string En) Pattern(UiHints ui) => ui.Widget switch
    {
        "cccd" => ($"{ui.LabelVi ?? "Số CCCD"} phải gồm đúng {CccdDigits} chữ số",
                   $"{(ui.LabelVi is null ? "The citizen ID (CCCD) number" : En(ui))} must have exactly {CccdDigits} digits"),
        "phone" => ($"{ui.LabelVi ?? "Số điện thoại"} phải là số di động Việt Nam gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (ví dụ 0912345678)",
                    $"{(ui.LabelVi is null ? "The phone number" : En(ui))} must be a Vietnamese mobile number of 10 digits starting with 03, 05, 07, 08 or 09 (for example 0912345678)"),
        _ => WithHint(ui,
                ui.LabelVi is null ? "Giá trị không đúng định dạng" : $"{ui.LabelVi} không đúng định dạng",
                ui.LabelVi is null ? "The value is not in the expected format" : $"{En(ui)} is not in the expected format"),
    };

    /// <summary>The text is not a valid date or e-mail address.</summary>
    public static (string Vi, string En) Format(UiHints ui, SchemaFormat format) => format switch
    {
        SchemaFormat.Date => ui.LabelVi is null
            ? ("Vui lòng nhập ngày hợp lệ theo dạng năm-tháng-ngày (ví dụ 2025-07-01)", "Please enter a valid date as year-month-day (for example 2025-07-01)")
            : ($"{ui.LabelVi} phải là ngày hợp lệ theo dạng năm-tháng-ngày (ví dụ 2025-07-01)", $"{En(ui)} must be a valid date as year-month-day (for example 2025-07-01)"),
        _ => ui.LabelVi is null
            ? ("Địa chỉ email không hợp lệ (ví dụ ten@example.com)", "The e-mail address is not valid (for example name@example.com)")
            : ($"{ui.LabelVi} không phải là địa chỉ email hợp lệ (ví dụ ten@example.com)", $"{En(ui)} is not a valid e-mail address (for example name@example.com)"),
    };

    /// <summary>The text is shorter than minLength (minLength 1 reads as "please enter").</summary>
    public static (string Vi, string En) MinLength(UiHints ui, long limit) => limit == 1
        ? Required(ui)
        : ui.LabelVi is null
            ? ($"Vui lòng nhập ít nhất {limit} ký tự", $"Please enter at least {limit} characters")
            : ($"{ui.LabelVi} phải có ít nhất {limit} ký tự", $"{En(ui)} must be at least {limit} characters long");

    /// <summary>The text is longer than maxLength.</summary>
    public static (string Vi, string En) MaxLength(UiHints ui, long limit) => ui.LabelVi is null
        ? ($"Vui lòng nhập không quá {limit} ký tự", $"Please enter no more than {limit} characters")
        : ($"{ui.LabelVi} không được dài quá {limit} ký tự", $"{En(ui)} must be at most {limit} characters long");

    /// <summary>The number is below the minimum.</summary>
    public static (string Vi, string En) Minimum(UiHints ui, string limit) => ui.LabelVi is null
        ? ($"Giá trị phải lớn hơn hoặc bằng {limit}", $"The value must be at least {limit}")
        : ($"{ui.LabelVi} phải lớn hơn hoặc bằng {limit}", $"{En(ui)} must be at least {limit}");

    /// <summary>The number is above the maximum.</summary>
    public static (string Vi, string En) Maximum(UiHints ui, string limit) => ui.LabelVi is null
        ? ($"Giá trị phải nhỏ hơn hoặc bằng {limit}", $"The value must be at most {limit}")
        : ($"{ui.LabelVi} phải nhỏ hơn hoặc bằng {limit}", $"{En(ui)} must be at most {limit}");

    /// <summary>A repeat group has too few entries.</summary>
    public static (string Vi, string En) MinItems(UiHints ui, long limit)
    {
        var (itemVi, itemEn) = ItemNames(ui);
        return ($"Vui lòng thêm ít nhất {limit} {itemVi}", $"Please add at least {limit} {itemEn}");
    }

    /// <summary>A repeat group has too many entries.</summary>
    public static (string Vi, string En) MaxItems(UiHints ui, long limit)
    {
        var (itemVi, itemEn) = ItemNames(ui);
        return ($"Chỉ được thêm tối đa {limit} {itemVi}", $"You can add at most {limit} {itemEn}");
    }

    /// <summary>A value was given where the schema is false (nothing may be entered).</summary>
    public static (string Vi, string En) NotAllowed(UiHints ui) => ui.LabelVi is null
        ? ("Không được nhập thông tin này", "This information must not be entered")
        : ($"Không được nhập {ui.LabelVi}", $"{En(ui)} must not be entered");

    /// <summary>A field the form does not have (objects are closed, so unknown answers are never stored).</summary>
    public static (string Vi, string En) UnknownField(string name) =>
        ($"Trường “{name}” không có trong biểu mẫu này; vui lòng bỏ thông tin này", $"The field “{name}” is not part of this form; please remove it");

    /// <summary>Text holding a control character (NUL, U+0001–U+001F, DEL...; line breaks and tabs only in a multi-line answer).</summary>
    public static (string Vi, string En) ControlCharacter(UiHints ui) => ui.LabelVi is null
        ? ("Nội dung chứa ký tự điều khiển không hợp lệ (ví dụ ký tự NUL); vui lòng nhập lại", "The text contains a control character that is not allowed (such as NUL); please type it again")
        : ($"{ui.LabelVi} chứa ký tự điều khiển không hợp lệ (ví dụ ký tự NUL); vui lòng nhập lại", $"{En(ui)} contains a control character that is not allowed (such as NUL); please type it again");

    /// <summary>A date (of birth) after today.</summary>
    public static (string Vi, string En) AfterToday(UiHints ui) => ui.LabelVi is null
        ? ("Ngày không được sau ngày hôm nay", "The date cannot be after today")
        : ($"{ui.LabelVi} không được sau ngày hôm nay", $"{En(ui)} cannot be after today");

    /// <summary>Any other failed rule.</summary>
    public static (string Vi, string En) Invalid(UiHints ui) => ui.LabelVi is null
        ? ("Giá trị không hợp lệ", "The value is not valid")
        : ($"{ui.LabelVi} không hợp lệ", $"{En(ui)} is not valid");

    /// <summary>The label for an item of a repeat group without its own label, e.g. "Thành viên 2".</summary>
    public static (string Vi, string En)? ItemLabel(UiHints group, int index)
    {
        if (group.ItemLabelVi is null && group.ItemLabelEn is null) return null;
        var number = (index + 1).ToString(CultureInfo.InvariantCulture);
        var vi = group.ItemLabelVi ?? group.ItemLabelEn!;
        return ($"{vi} {number}", $"{group.ItemLabelEn ?? vi} {number}");
    }

    private static string En(UiHints ui) => ui.LabelEn ?? ui.LabelVi ?? "This field";

    private static (string Vi, string En) WithHint(UiHints ui, string vi, string en) => ui.HintVi is null && ui.HintEn is null
        ? (vi, en)
        : ($"{vi}. {ui.HintVi ?? ui.HintEn}", $"{en}. {ui.HintEn ?? ui.HintVi}");

    private static (string Vi, string En) ItemNames(UiHints ui)
    {
        if (ui.ItemLabelVi is null && ui.ItemLabelEn is null) return ("mục", "item(s)");
        var vi = ui.ItemLabelVi ?? ui.ItemLabelEn!;
        return (LowerFirst(vi), LowerFirst(ui.ItemLabelEn ?? vi));
    }

    /// <summary>"Thành viên" becomes "thành viên" mid-sentence; an acronym such as "CCCD" stays as it is.</summary>
    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
            ? char.ToLower(text[0], CultureInfo.InvariantCulture) + text[1..]
            : text;

    private static string TypeVi(JsonTypes type) => type switch
    {
        JsonTypes.Null => "để trống",
        JsonTypes.Boolean => "có hoặc không",
        JsonTypes.Object => "một nhóm thông tin",
        JsonTypes.Array => "một danh sách",
        JsonTypes.Number => "số",
        JsonTypes.Integer => "số nguyên",
        _ => "văn bản",
    };

    private static string TypeEn(JsonTypes type) => type switch
    {
        JsonTypes.Null => "empty",
        JsonTypes.Boolean => "yes or no",
        JsonTypes.Object => "a group of fields",
        JsonTypes.Array => "a list",
        JsonTypes.Number => "a number",
        JsonTypes.Integer => "a whole number",
        _ => "text",
    };
}
