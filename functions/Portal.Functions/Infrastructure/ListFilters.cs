using System.Globalization;

namespace Portal.Functions.Infrastructure;

/// <summary>Query-string filters of the paged lists, checked before use: a bad value is a 400 naming the parameter.</summary>
public static class ListFilters
{
    /// <summary>Longest text filter (a procedure code or step id is far shorter).</summary>
    public const int MaxTextLength = 64;

    /// <summary>An enum value by name (case-insensitive), or null when absent.</summary>
    public static T? Enum<T>(string parameter, string? value) where T : struct, System.Enum =>
        string.IsNullOrWhiteSpace(value) ? null
        : System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !value.Any(char.IsDigit) ? parsed
        : throw ProblemException.Invalid(parameter,
            $"Giá trị không hợp lệ; dùng một trong: {string.Join(", ", System.Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))} (unknown value).");

    /// <summary>A short text filter, or null when absent.</summary>
    public static string? Text(string parameter, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : value.Length <= MaxTextLength && !value.Any(char.IsControl) ? value.Trim()
        : throw ProblemException.Invalid(parameter, $"Giá trị lọc dài quá {MaxTextLength} ký tự hoặc có ký tự điều khiển (invalid filter).");

    /// <summary>An instant (ISO 8601, e.g. 2026-11-30 or 2026-11-30T17:00:00+07:00), or null when absent.</summary>
    public static DateTimeOffset? Instant(string parameter, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : value.Length <= 40 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            && at.Year is >= 2000 and <= 2100 ? at
        : throw ProblemException.Invalid(parameter, "Thời điểm không hợp lệ; dùng dạng 2026-11-30 hoặc 2026-11-30T17:00:00+07:00 (invalid date).");
}
