using System.Globalization;
using System.Text;

namespace Portal.Domain.Forms;

/// <summary>
/// Rewrites an ECMA-262 pattern (as the browser's ajv runs it, in unicode mode) into a .NET pattern with the same meaning
/// for the constructs e-Forms use: <c>\d</c>, <c>\w</c>, <c>\s</c> are the ECMAScript sets (ASCII digits, not Unicode ones),
/// <c>\b</c> uses that ASCII word set, <c>$</c> matches only at the very end (a trailing newline does not pass), <c>.</c> and literal astral characters
/// match whole code points, and <c>\p{Letter}</c>-style long property names map to .NET's short category names.
/// Constructs .NET cannot express this way (astral characters inside [...], script properties) are refused.
/// </summary>
internal static class EcmaRegexTranslator
{
    private const string DigitSet = "0-9";
    private const string WordSet = "a-zA-Z0-9_";
    private const string WordBoundary = $"(?:(?<=[{WordSet}])(?![{WordSet}])|(?<![{WordSet}])(?=[{WordSet}]))";
    private const string NotWordBoundary = $"(?:(?<=[{WordSet}])(?=[{WordSet}])|(?<![{WordSet}])(?![{WordSet}]))";
    private const string DotReplacement = @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\n\r\u2028\u2029])";

    private static readonly (char Low, char High)[] DigitRanges = [('0', '9')];
    private static readonly (char Low, char High)[] WordRanges = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];

    /// <summary>ECMAScript WhiteSpace and LineTerminator code points, sorted.</summary>
    private static readonly (char Low, char High)[] SpaceRanges =
    [
        ('\t', '\r'), (' ', ' '), ('\u00A0', '\u00A0'), ('\u1680', '\u1680'), ('\u2000', '\u200A'),
        ('\u2028', '\u2029'), ('\u202F', '\u202F'), ('\u205F', '\u205F'), ('\u3000', '\u3000'), ('\uFEFF', '\uFEFF'),
    ];

    private static readonly Dictionary<string, string> GeneralCategories = BuildCategoryMap();

    /// <summary>Translates <paramref name="pattern"/>; throws <see cref="ArgumentException"/> naming the construct it cannot translate.</summary>
    public static string Translate(string pattern)
    {
        var output = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i = TranslateEscape(pattern, i, inClass, output);
                continue;
            }

            if (inClass)
            {
                if (c == ']') inClass = false;
                else if (char.IsSurrogate(c)) throw new ArgumentException("characters outside the Basic Multilingual Plane are not supported inside [...]");
                output.Append(c == '[' ? @"\[" : c.ToString());
                i++;
                continue;
            }

            switch (c)
            {
                case '[' when At(pattern, i + 1) == ']':
                    output.Append("(?!)");
                    i += 2;
                    break;
                case '[' when At(pattern, i + 1) == '^' && At(pattern, i + 2) == ']':
                    output.Append(@"[\s\S]");
                    i += 3;
                    break;
                case '[':
                    inClass = true;
                    output.Append('[');
                    i++;
                    if (At(pattern, i) == '^')
                    {
                        output.Append('^');
                        i++;
                    }
                    break;
                case '.':
                    output.Append(DotReplacement);
                    i++;
                    break;
                case '$':
                    output.Append(@"\z");
                    i++;
                    break;
                default:
                    if (char.IsHighSurrogate(c) && char.IsLowSurrogate(At(pattern, i + 1)))
                    {
                        output.Append("(?:").Append(c).Append(pattern[i + 1]).Append(')');
                        i += 2;
                    }
                    else
                    {
                        output.Append(c);
                        i++;
                    }
                    break;
            }
        }

        if (inClass) throw new ArgumentException("unterminated character class [...]");
        return output.ToString();
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    /// <summary>Translates the escape starting at <paramref name="i"/> (a backslash) and returns the index after it.</summary>
    private static int TranslateEscape(string pattern, int i, bool inClass, StringBuilder output)
    {
        if (i + 1 >= pattern.Length) throw new ArgumentException("the pattern ends with a lone backslash");
        var letter = pattern[i + 1];
        switch (letter)
        {
            case 'd': output.Append(inClass ? DigitSet : $"[{DigitSet}]"); return i + 2;
            case 'D': output.Append(inClass ? Complement(DigitRanges) : $"[^{DigitSet}]"); return i + 2;
            case 'w': output.Append(inClass ? WordSet : $"[{WordSet}]"); return i + 2;
            case 'W': output.Append(inClass ? Complement(WordRanges) : $"[^{WordSet}]"); return i + 2;
            case 's': output.Append(inClass ? Ranges(SpaceRanges) : $"[{Ranges(SpaceRanges)}]"); return i + 2;
            case 'S': output.Append(inClass ? Complement(SpaceRanges) : $"[^{Ranges(SpaceRanges)}]"); return i + 2;
            case 'b' when !inClass: output.Append(WordBoundary); return i + 2;
            case 'B' when !inClass: output.Append(NotWordBoundary); return i + 2;
            case 'p' or 'P':
                {
                    var close = pattern.IndexOf('}', i);
                    if (At(pattern, i + 2) != '{' || close < 0) throw new ArgumentException($"\\{letter} must be followed by {{name}}");
                    var name = pattern[(i + 3)..close];
                    output.Append('\\').Append(letter).Append('{').Append(MapProperty(name)).Append('}');
                    return close + 1;
                }
            case 'u' when At(pattern, i + 2) == '{':
                {
                    var close = pattern.IndexOf('}', i);
                    if (close < 0 || !int.TryParse(pattern.AsSpan(i + 3, close - i - 3), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var codePoint)
                        || codePoint > 0x10FFFF)
                    {
                        throw new ArgumentException("malformed \\u{...} escape");
                    }
                    if (codePoint <= 0xFFFF)
                    {
                        output.Append(Escape((char)codePoint));
                    }
                    else if (inClass)
                    {
                        throw new ArgumentException("characters outside the Basic Multilingual Plane are not supported inside [...]");
                    }
                    else
                    {
                        var text = char.ConvertFromUtf32(codePoint);
                        output.Append("(?:").Append(Escape(text[0])).Append(Escape(text[1])).Append(')');
                    }
                    return close + 1;
                }
            default:
                output.Append('\\').Append(letter);
                return i + 2;
        }
    }

    private static string MapProperty(string name)
    {
        var key = new string(name.Where(ch => ch is not ('_' or '-' or ' ')).ToArray()).ToLowerInvariant();
        foreach (var prefix in new[] { "generalcategory=", "gc=" })
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)) key = key[prefix.Length..];
        }
        return GeneralCategories.TryGetValue(key, out var shortName)
            ? shortName
            : throw new ArgumentException($"the Unicode property \\p{{{name}}} is not supported (only general categories such as \\p{{L}} or \\p{{Letter}})");
    }

    private static string Ranges(IEnumerable<(char Low, char High)> ranges) =>
        string.Concat(ranges.Select(r => r.Low == r.High ? Escape(r.Low) : $"{Escape(r.Low)}-{Escape(r.High)}"));

    private static string Complement((char Low, char High)[] sorted)
    {
        var result = new List<(char, char)>();
        var next = 0;
        foreach (var (low, high) in sorted)
        {
            if (low > next) result.Add(((char)next, (char)(low - 1)));
            next = high + 1;
        }
        if (next <= char.MaxValue) result.Add(((char)next, char.MaxValue));
        return Ranges(result);
    }

    private static string Escape(char c) => $"\\u{(int)c:X4}";

    private static Dictionary<string, string> BuildCategoryMap()
    {
        var longNames = new (string Short, string[] Long)[]
        {
            ("L", ["letter"]), ("Lu", ["uppercaseletter"]), ("Ll", ["lowercaseletter"]), ("Lt", ["titlecaseletter"]),
            ("Lm", ["modifierletter"]), ("Lo", ["otherletter"]),
            ("M", ["mark", "combiningmark"]), ("Mn", ["nonspacingmark"]), ("Mc", ["spacingmark"]), ("Me", ["enclosingmark"]),
            ("N", ["number"]), ("Nd", ["decimalnumber", "digit"]), ("Nl", ["letternumber"]), ("No", ["othernumber"]),
            ("P", ["punctuation", "punct"]), ("Pc", ["connectorpunctuation"]), ("Pd", ["dashpunctuation"]),
            ("Ps", ["openpunctuation"]), ("Pe", ["closepunctuation"]), ("Pi", ["initialpunctuation"]),
            ("Pf", ["finalpunctuation"]), ("Po", ["otherpunctuation"]),
            ("S", ["symbol"]), ("Sm", ["mathsymbol"]), ("Sc", ["currencysymbol"]), ("Sk", ["modifiersymbol"]), ("So", ["othersymbol"]),
            ("Z", ["separator"]), ("Zs", ["spaceseparator"]), ("Zl", ["lineseparator"]), ("Zp", ["paragraphseparator"]),
            ("C", ["other"]), ("Cc", ["control", "cntrl"]), ("Cf", ["format"]), ("Cs", ["surrogate"]),
            ("Co", ["privateuse"]), ("Cn", ["unassigned"]),
        };
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (shortName, names) in longNames)
        {
            map[shortName.ToLowerInvariant()] = shortName;
            foreach (var name in names) map[name] = shortName;
        }
        return map;
    }
}
