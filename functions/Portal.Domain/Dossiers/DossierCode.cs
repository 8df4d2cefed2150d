using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Domain.Dossiers;

/// <summary>
/// The dossier code (mã hồ sơ) printed on every slip: <c>AGENCYCODE-YYMMDD-NNNN</c>, e.g. <c>000.00.12.H12-251121-0001</c>:
/// the receiving agency's code from the national agency code list, the receipt date (local, two-digit year), and that
/// agency's 4-digit sequence number of the day, 0001 to 9999 (Circular 03/2025/TT-VPCP practice).
/// </summary>
public readonly partial record struct DossierCode
{
    /// <summary>Largest sequence number of one agency in one day.</summary>
    public const int MaxSequence = 9999;

    private DossierCode(string agencyCode, DateOnly receiptDate, int sequence)
    {
        AgencyCode = agencyCode;
        ReceiptDate = receiptDate;
        Sequence = sequence;
    }

    /// <summary>Code of the receiving agency (mã định danh cơ quan), e.g. "000.00.12.H12".</summary>
    public string AgencyCode { get; }

    /// <summary>Receipt date (ngày tiếp nhận), local time.</summary>
    public DateOnly ReceiptDate { get; }

    /// <summary>The agency's sequence number of the day, 1 to 9999.</summary>
    public int Sequence { get; }

    /// <summary>Creates a code after checking its parts.</summary>
    /// <exception cref="ArgumentException">An empty agency code, or one with characters other than letters, digits and dots.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A receipt date outside 2000–2099 (two-digit year), or a sequence
    /// outside 1..9999: the agency has used up the day's numbers.</exception>
    public static DossierCode Create(string agencyCode, DateOnly receiptDate, int sequence)
    {
        ArgumentNullException.ThrowIfNull(agencyCode);
        if (!AgencyPattern().IsMatch(agencyCode))
            throw new ArgumentException($"Agency code \"{agencyCode}\" must be letters and digits in dot-separated groups, such as 000.00.12.H12.", nameof(agencyCode));
        if (receiptDate.Year is < 2000 or > 2099)
            throw new ArgumentOutOfRangeException(nameof(receiptDate), receiptDate, "The dossier code has a two-digit year: the receipt date must be in 2000–2099.");
        if (sequence > MaxSequence)
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence,
                $"Agency {agencyCode} has used all {MaxSequence} dossier numbers for {receiptDate:yyyy-MM-dd}: the code has only 4 digits for the daily sequence.");
        if (sequence < 1)
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "The daily sequence starts at 1.");
        return new DossierCode(agencyCode, receiptDate, sequence);
    }

    /// <summary>Formats a code: <c>AGENCYCODE-YYMMDD-NNNN</c> (see <see cref="Create"/> for the checks).</summary>
    public static string Format(string agencyCode, DateOnly receiptDate, int sequence) => Create(agencyCode, receiptDate, sequence).ToString();

    /// <summary>Parses a code such as <c>000.00.12.H12-251121-0001</c>.</summary>
    /// <exception cref="FormatException">The text is not a dossier code; the message says what is expected.</exception>
    public static DossierCode Parse(string text) =>
        TryParse(text, out var code)
            ? code
            : throw new FormatException($"\"{text}\" is not a dossier code: expected AGENCYCODE-YYMMDD-NNNN, e.g. 000.00.12.H12-251121-0001.");

    /// <summary>Tries to parse a code; surrounding spaces are ignored, letters are compared as written.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DossierCode code)
    {
        code = default;
        if (text is null) return false;
        var m = CodePattern().Match(text.Trim());
        if (!m.Success) return false;
        var digits = m.Groups["date"].Value;
        var year = 2000 + int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        var date = new DateOnly(year, month, day);
        var sequence = int.Parse(m.Groups["seq"].Value, CultureInfo.InvariantCulture);
        if (sequence < 1) return false;
        code = new DossierCode(m.Groups["agency"].Value, date, sequence);
        return true;
    }

    /// <summary>The code as printed: <c>AGENCYCODE-YYMMDD-NNNN</c>; empty for the default value.</summary>
    public override string ToString() =>
        AgencyCode is null ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"{AgencyCode}-{ReceiptDate:yyMMdd}-{Sequence:D4}");

    [GeneratedRegex(@"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyPattern();

    [GeneratedRegex(@"^(?<agency>[0-9A-Za-z]+(\.[0-9A-Za-z]+)*)-(?<date>[0-9]{6})-(?<seq>[0-9]{4})\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
