using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Domain.Catalogue;

/// <summary>
/// Accent-insensitive Vietnamese text: "Đăng ký khai sinh" and "dang ky khai sinh" fold to the same key,
/// so citizens can search with or without diacritics (gõ không dấu).
/// </summary>
public static partial class VietnameseText
{
    /// <summary>Folds text to lower case without diacritics; "đ"/"Đ" become "d" (Unicode does not decompose them).</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }
        return folded.ToString();
    }

    /// <summary>Splits folded text into words (runs of letters and digits; a dotted code such as "1.001193" stays one word).</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        WordPattern().Matches(Fold(text)).Select(m => m.Value).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:\.[\p{N}]+)*")]
    private static partial Regex WordPattern();
}
