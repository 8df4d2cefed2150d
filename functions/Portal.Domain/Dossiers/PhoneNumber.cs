using System.Text.RegularExpressions;

namespace Portal.Domain.Dossiers;

/// <summary>Vietnamese mobile numbers, compared in one normal form ("0912345678") whatever way they were typed.</summary>
public static partial class PhoneNumber
{
    /// <summary>Normalises "+84 912 345 678", "0912.345.678" and "84912345678" to "0912345678"; null when not a Vietnamese mobile number.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (text.TrimStart().StartsWith('+') || (digits.StartsWith("84") && digits.Length == 11)) digits = "0" + digits[2..];
        return Mobile().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex("^0(3|5|7|8|9)[0-9]{8}$")]
    private static partial Regex Mobile();
}
