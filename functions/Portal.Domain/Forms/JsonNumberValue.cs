using System.Numerics;
using System.Text.Json;

namespace Portal.Domain.Forms;

/// <summary>
/// An exact JSON number read from its text, so that 1.0 equals 1, 9007199254740993 differs from
/// 9007199254740992 and 1e400 still compares correctly (no rounding through double or decimal).
/// The value is 0.<see cref="digits"/> × 10^<see cref="pointPosition"/>, negated when <see cref="negative"/>.
/// </summary>
internal readonly struct JsonNumberValue : IEquatable<JsonNumberValue>, IComparable<JsonNumberValue>
{
    private readonly bool negative;
    private readonly string digits;
    private readonly BigInteger pointPosition;

    private JsonNumberValue(bool negative, string digits, BigInteger pointPosition)
    {
        this.negative = negative;
        this.digits = digits;
        this.pointPosition = pointPosition;
    }

    private bool IsZero => string.IsNullOrEmpty(digits);

    /// <summary>True when the number has no fractional part (1.0 and 1e2 are integers).</summary>
    public bool IsInteger => IsZero || digits.Length <= pointPosition;

    /// <summary>Reads a number element.</summary>
    public static JsonNumberValue From(JsonElement element) => Parse(element.GetRawText());

    /// <summary>Parses JSON number text (the grammar of RFC 8259).</summary>
    public static JsonNumberValue Parse(string text)
    {
        var i = 0;
        var negative = i < text.Length && text[i] == '-';
        if (negative) i++;
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        var integerPart = text[start..i];
        var fractionPart = string.Empty;
        if (i < text.Length && text[i] == '.')
        {
            var fractionStart = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            fractionPart = text[fractionStart..i];
        }
        BigInteger exponent = BigInteger.Zero;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            exponent = BigInteger.Parse(text[(i + 1)..].TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture);
        }

        var all = integerPart + fractionPart;
        var point = integerPart.Length + exponent;
        var leading = 0;
        while (leading < all.Length && all[leading] == '0') leading++;
        var significant = all[leading..].TrimEnd('0');
        if (significant.Length == 0) return new JsonNumberValue(false, string.Empty, BigInteger.Zero);
        return new JsonNumberValue(negative, significant, point - leading);
    }

    /// <summary>The value as a non-negative count, saturating at <see cref="long.MaxValue"/>; null when negative or fractional.</summary>
    public long? AsNonNegativeCount()
    {
        if (IsZero) return 0;
        if (negative || !IsInteger) return null;
        if (pointPosition > 18) return long.MaxValue;
        var whole = digits.PadRight((int)pointPosition, '0');
        return long.Parse(whole, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public int CompareTo(JsonNumberValue other)
    {
        var sign = IsZero ? 0 : negative ? -1 : 1;
        var otherSign = other.IsZero ? 0 : other.negative ? -1 : 1;
        if (sign != otherSign) return sign.CompareTo(otherSign);
        if (sign == 0) return 0;
        var magnitude = pointPosition != other.pointPosition
            ? pointPosition.CompareTo(other.pointPosition)
            : Math.Sign(string.CompareOrdinal(digits, other.digits));
        return sign * magnitude;
    }

    /// <inheritdoc />
    public bool Equals(JsonNumberValue other) => CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is JsonNumberValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(negative, digits ?? string.Empty, pointPosition);
}
