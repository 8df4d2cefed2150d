namespace Portal.Domain.Forms;

/// <summary>
/// One validation error of an e-Form (lỗi nhập liệu), keyed by the field id the page uses.
/// </summary>
/// <param name="Field">
/// Dotted path of the instance location from the form root, e.g. "applicant.fullName" or "members.0.fullName";
/// for a missing required property, the path of that property; the form root itself is "".
/// </param>
/// <param name="Keyword">The JSON Schema keyword that failed ("required", "pattern", ...; "false" for a false schema).</param>
/// <param name="Message">Vietnamese message for the citizen, saying what to fix.</param>
/// <param name="MessageEn">The same message in English.</param>
public sealed record FieldError(string Field, string Keyword, string Message, string MessageEn);
