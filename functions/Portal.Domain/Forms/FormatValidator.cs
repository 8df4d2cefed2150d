using System.Net;
using System.Net.Sockets;

namespace Portal.Domain.Forms;

/// <summary>The two asserted formats: RFC 3339 full-date and an RFC 5321 e-mail address (ASCII only).</summary>
internal static class FormatValidator
{
    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";

    /// <summary>Checks <paramref name="value"/> against <paramref name="format"/>.</summary>
    public static bool IsValid(SchemaFormat format, string value) => format switch
    {
        SchemaFormat.Date => IsDate(value),
        SchemaFormat.Email => IsEmail(value),
        _ => false,
    };

    /// <summary>RFC 3339 full-date: YYYY-MM-DD with ASCII digits and a day that exists in that month (0000 counts as a leap year).</summary>
    public static bool IsDate(string value)
    {
        if (value.Length != 10 || value[4] != '-' || value[7] != '-') return false;
        for (var i = 0; i < value.Length; i++)
        {
            if (i is 4 or 7) continue;
            if (!char.IsAsciiDigit(value[i])) return false;
        }
        var year = int.Parse(value.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
        var month = (value[5] - '0') * 10 + (value[6] - '0');
        var day = (value[8] - '0') * 10 + (value[9] - '0');
        if (month is < 1 or > 12 || day < 1) return false;
        var leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        var daysInMonth = month switch
        {
            2 => leap ? 29 : 28,
            4 or 6 or 9 or 11 => 30,
            _ => 31,
        };
        return day <= daysInMonth;
    }

    /// <summary>
    /// RFC 5321 Mailbox: a dot-string or quoted-string local part, "@", then a host name with at least two labels,
    /// an IPv4 address literal "[127.0.0.1]" or an IPv6 one "[IPv6:::1]".
    /// </summary>
    public static bool IsEmail(string value)
    {
        if (value.Length > 254) return false;
        int at;
        if (value.StartsWith('"'))
        {
            var i = 1;
            while (i < value.Length && value[i] != '"')
            {
                if (value[i] == '\\')
                {
                    if (i + 1 >= value.Length || value[i + 1] is < ' ' or > '~') return false;
                    i += 2;
                }
                else if (value[i] is < ' ' or > '~') return false;
                else i++;
            }
            if (i >= value.Length) return false;
            at = i + 1;
            if (at >= value.Length || value[at] != '@') return false;
        }
        else
        {
            at = value.LastIndexOf('@');
            if (at <= 0 || !IsDotString(value[..at])) return false;
        }
        if (at > 64) return false;
        var domain = value[(at + 1)..];
        return domain.StartsWith('[') ? IsAddressLiteral(domain) : IsHostName(domain);
    }

    private static bool IsDotString(string local) =>
        local.Split('.').All(atom => atom.Length > 0 && atom.All(c => char.IsAsciiLetterOrDigit(c) || AtomSpecials.Contains(c)));

    private static bool IsHostName(string domain)
    {
        if (domain.Length is 0 or > 253) return false;
        var labels = domain.Split('.');
        return labels.Length >= 2 && labels.All(label =>
            label.Length is > 0 and <= 63
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && label[0] != '-' && label[^1] != '-');
    }

    private static bool IsAddressLiteral(string domain)
    {
        if (!domain.EndsWith(']')) return false;
        var inner = domain[1..^1];
        if (inner.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase))
        {
            var address = inner[5..];
            return address.Length > 0 && address.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.')
                && IPAddress.TryParse(address, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6;
        }
        var parts = inner.Split('.');
        return parts.Length == 4 && parts.All(part =>
            part.Length is > 0 and <= 3 && part.All(char.IsAsciiDigit)
            && (part.Length == 1 || part[0] != '0') && int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) <= 255);
    }
}
