namespace Portal.Functions.Infrastructure;

/// <summary>
/// An error the caller can fix, carried to the one place that turns errors into
/// <c>application/problem+json</c> (<see cref="ProblemExceptionHandler"/>).
/// </summary>
public class ProblemException(int status, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail ?? title)
{
    /// <summary>HTTP status (4xx).</summary>
    public int Status { get; } = status;
    /// <summary>Short Vietnamese title.</summary>
    public string Title { get; } = title;
    /// <summary>What to do about it.</summary>
    public string? Detail { get; } = detail;
    /// <summary>Errors keyed by e-Form field id ("applicant.cccd", "documents.to-khai").</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>400 with field errors.</summary>
    public static ProblemException Invalid(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        new(StatusCodes.Status400BadRequest, "Thông tin chưa hợp lệ (invalid input)", detail ?? "Vui lòng sửa các mục được nêu rồi gửi lại.", errors);

    /// <summary>400 with one field error.</summary>
    public static ProblemException Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>404.</summary>
    public static ProblemException NotFound(string detail) => new(StatusCodes.Status404NotFound, "Không tìm thấy (not found)", detail);

    /// <summary>403.</summary>
    public static ProblemException Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "Không có quyền (forbidden)", detail);

    /// <summary>409.</summary>
    public static ProblemException Conflict(string detail) => new(StatusCodes.Status409Conflict, "Xung đột (conflict)", detail);

    /// <summary>413.</summary>
    public static ProblemException TooLarge(string field, string message) =>
        new(StatusCodes.Status413PayloadTooLarge, "Dữ liệu quá lớn (payload too large)", message, new Dictionary<string, string[]> { [field] = [message] });
}
