using System.Globalization;

namespace Portal.Storage;

/// <summary>
/// Builds OData <c>$filter</c> expressions with correctly escaped literals, so caller data never changes the
/// meaning of a query (a quote in a string literal is doubled: <c>O'Neil</c> becomes <c>'O''Neil'</c>).
/// </summary>
/// <example><code>
/// TableFilter.And(TableFilter.PartitionKeyEquals(dossierId), TableFilter.RowKeyStartsWith("event-"))
/// </code></example>
public static class TableFilter
{
    /// <summary><c>PartitionKey eq '…'</c>.</summary>
    public static string PartitionKeyEquals(string partitionKey) => Compare("PartitionKey", "eq", partitionKey);

    /// <summary><c>RowKey eq '…'</c>.</summary>
    public static string RowKeyEquals(string rowKey) => Compare("RowKey", "eq", rowKey);

    /// <summary><c>RowKey ge '…'</c> (at or after, in ordinal order).</summary>
    public static string RowKeyGreaterThanOrEqual(string rowKey) => Compare("RowKey", "ge", rowKey);

    /// <summary><c>RowKey gt '…'</c> (strictly after).</summary>
    public static string RowKeyGreaterThan(string rowKey) => Compare("RowKey", "gt", rowKey);

    /// <summary><c>RowKey lt '…'</c> (strictly before).</summary>
    public static string RowKeyLessThan(string rowKey) => Compare("RowKey", "lt", rowKey);

    /// <summary><c>RowKey le '…'</c> (at or before).</summary>
    public static string RowKeyLessThanOrEqual(string rowKey) => Compare("RowKey", "le", rowKey);

    /// <summary>Row keys in <c>[fromInclusive, toExclusive)</c>.</summary>
    public static string RowKeyRange(string fromInclusive, string toExclusive) =>
        And(RowKeyGreaterThanOrEqual(fromInclusive), RowKeyLessThan(toExclusive));

    /// <summary>Row keys that start with <paramref name="prefix"/> (a range up to the next prefix).</summary>
    public static string RowKeyStartsWith(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var last = prefix[^1];
        return last == char.MaxValue
            ? RowKeyGreaterThanOrEqual(prefix)
            : RowKeyRange(prefix, prefix[..^1] + (char)(last + 1));
    }

    /// <summary>
    /// <c>name op literal</c> for any property, e.g. <c>Compare("DueAt", "le", DateTimeOffset.UtcNow)</c>.
    /// </summary>
    /// <param name="propertyName">The property (letters, digits and '_' only).</param>
    /// <param name="operation">One of <c>eq ne gt ge lt le</c>.</param>
    /// <param name="value">A value of a supported type (see <see cref="Literal"/>).</param>
    public static string Compare(string propertyName, string operation, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(propertyName);
        if (!propertyName.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{propertyName}' is not a property name.", nameof(propertyName));
        }
        if (operation is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le"))
        {
            throw new ArgumentException($"'{operation}' is not one of eq, ne, gt, ge, lt, le.", nameof(operation));
        }
        return $"{propertyName} {operation} {Literal(value)}";
    }

    /// <summary>All conditions must hold (each is parenthesised).</summary>
    public static string And(params string[] conditions) => Join("and", conditions);

    /// <summary>Any condition may hold (each is parenthesised).</summary>
    public static string Or(params string[] conditions) => Join("or", conditions);

    /// <summary>
    /// An OData literal: <c>'text'</c> (quotes doubled), <c>42</c>, <c>42L</c>, <c>1.5</c>, <c>true</c>,
    /// <c>datetime'2025-01-29T00:00:00.0000000Z'</c>, <c>guid'…'</c>, <c>X'0a1b'</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The type is not a table property type.</exception>
    public static string Literal(object value) => value switch
    {
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => d.ToString("R", CultureInfo.InvariantCulture) is var text && (text.Contains('.') || text.Contains('E'))
            ? text
            : text + ".0",
        bool b => b ? "true" : "false",
        DateTimeOffset dto => "datetime'" + TableEntityJson.FormatDateTime(dto) + "'",
        DateTime dt => Literal(new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime())),
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        null => throw new ArgumentNullException(nameof(value)),
        _ => throw new ArgumentException($"{value.GetType().Name} is not a table property type.", nameof(value)),
    };

    private static string Join(string op, string[] conditions)
    {
        var parts = conditions.Where(c => !string.IsNullOrWhiteSpace(c)).ToArray();
        return parts.Length switch
        {
            0 => throw new ArgumentException("At least one condition is needed.", nameof(conditions)),
            1 => parts[0],
            _ => string.Join($" {op} ", parts.Select(c => "(" + c + ")")),
        };
    }
}
