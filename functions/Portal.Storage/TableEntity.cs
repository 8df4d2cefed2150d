using System.Collections;

namespace Portal.Storage;

/// <summary>
/// A table row: <see cref="PartitionKey"/>, <see cref="RowKey"/>, the service's <see cref="ETag"/> and
/// <see cref="Timestamp"/>, and typed properties. Supported property types (and their EDM types on the wire):
/// <see cref="string"/> (Edm.String), <see cref="int"/> (Edm.Int32), <see cref="long"/> (Edm.Int64),
/// <see cref="double"/> (Edm.Double), <see cref="bool"/> (Edm.Boolean), <see cref="DateTimeOffset"/>
/// (Edm.DateTime, stored in UTC), <see cref="Guid"/> (Edm.Guid) and <c>byte[]</c> (Edm.Binary).
/// A <see cref="DateTime"/> is stored as a UTC <see cref="DateTimeOffset"/> (an unspecified kind is taken as UTC).
/// </summary>
public sealed class TableEntity : IEnumerable<KeyValuePair<string, object>>
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    /// <summary>Creates an entity with its keys.</summary>
    /// <param name="partitionKey">Partition key (no <c>/ \ # ?</c> or control characters, at most 1 KiB).</param>
    /// <param name="rowKey">Row key (same rules).</param>
    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>The partition key: entities sharing it can be changed together in one transaction.</summary>
    public string PartitionKey { get; set; }

    /// <summary>The row key, unique within the partition; rows are sorted by it.</summary>
    public string RowKey { get; set; }

    /// <summary>The ETag the service returned when the entity was read or last written, for <c>If-Match</c>.</summary>
    public string? ETag { get; set; }

    /// <summary>When the service last modified the entity (set by the service; ignored on writes).</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The custom properties, by name (excludes the keys, ETag and Timestamp).</summary>
    public IReadOnlyDictionary<string, object> Properties => _properties;

    /// <summary>Gets a property value (null when absent) or sets it (null removes it).</summary>
    /// <param name="name">Property name: not <c>PartitionKey</c>, <c>RowKey</c>, <c>Timestamp</c>, at most 255 characters, no '.' or '@'.</param>
    /// <exception cref="ArgumentException">The name is reserved or invalid, or the value's type is not supported.</exception>
    public object? this[string name]
    {
        get => _properties.TryGetValue(name, out var value) ? value : null;
        set
        {
            ValidateName(name);
            if (value is null) _properties.Remove(name);
            else _properties[name] = Normalize(name, value);
        }
    }

    /// <summary>Whether the entity has a property of this name.</summary>
    public bool ContainsKey(string name) => _properties.ContainsKey(name);

    /// <summary>Removes a property; returns whether it was there.</summary>
    public bool Remove(string name) => _properties.Remove(name);

    /// <summary>A string property, or null when absent.</summary>
    /// <exception cref="InvalidCastException">The property holds another type.</exception>
    public string? GetString(string name) => GetReference<string>(name);

    /// <summary>An Int32 property (an Int64 within range also converts), or null when absent.</summary>
    /// <exception cref="InvalidCastException">The property holds another type or is out of range.</exception>
    public int? GetInt32(string name) => Get(name, v => v switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        _ => (int?)null,
    });

    /// <summary>An Int64 property (an Int32 also converts), or null when absent.</summary>
    /// <exception cref="InvalidCastException">The property holds another type.</exception>
    public long? GetInt64(string name) => Get(name, v => v switch { long l => l, int i => i, _ => (long?)null });

    /// <summary>A Double property (integers also convert), or null when absent.</summary>
    /// <exception cref="InvalidCastException">The property holds another type.</exception>
    public double? GetDouble(string name) => Get(name, v => v switch { double d => d, int i => i, long l => l, _ => (double?)null });

    /// <summary>A Boolean property, or null when absent.</summary>
    /// <exception cref="InvalidCastException">The property holds another type.</exception>
    public bool? GetBoolean(string name) => Get(name, v => v as bool?);

    /// <summary>A DateTime property (in UTC), or null when absent.</summary>
    /// <exception cref="InvalidCastException">The property holds another type.</exception>
    public DateTimeOffset? GetDateTimeOffset(string name) => Get(name, v => v as DateTimeOffset?);

    /// <summary>A Guid property, or null when absent.</summary>
    /// <exception cref="InvalidCastException">The property holds another type.</exception>
    public Guid? GetGuid(string name) => Get(name, v => v as Guid?);

    /// <summary>A binary property, or null when absent.</summary>
    /// <exception cref="InvalidCastException">The property holds another type.</exception>
    public byte[]? GetBinary(string name) => GetReference<byte[]>(name);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Sets a property read from the service, bypassing the reserved-name check.</summary>
    internal void SetFromService(string name, object value) => _properties[name] = value;

    private T? Get<T>(string name, Func<object, T?> convert) where T : struct
    {
        if (!_properties.TryGetValue(name, out var value)) return null;
        return convert(value) ?? throw WrongType(name, value, typeof(T));
    }

    private T? GetReference<T>(string name) where T : class
    {
        if (!_properties.TryGetValue(name, out var value)) return null;
        return value as T ?? throw WrongType(name, value, typeof(T));
    }

    private static InvalidCastException WrongType(string name, object value, Type wanted) =>
        new($"Property '{name}' holds a {value.GetType().Name}, not a {wanted.Name}.");

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name is "PartitionKey" or "RowKey" or "Timestamp" || name.StartsWith("odata", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is a system property: use the {nameof(TableEntity)} members instead.", nameof(name));
        }
        if (name.Length > 255 || name.Contains('.') || name.Contains('@') || name.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"'{name}' is not a valid table property name (at most 255 characters, no '.', '@' or spaces).", nameof(name));
        }
    }

    private static object Normalize(string name, object value) => value switch
    {
        string or int or long or double or bool or Guid or byte[] => value,
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime()),
        float f => (double)f,
        short or byte or sbyte or ushort => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
        uint u => (long)u,
        BinaryData data => data.ToArray(),
        _ => throw new ArgumentException(
            $"Property '{name}' has type {value.GetType().Name}; supported: string, int, long, double, bool, DateTimeOffset, DateTime, Guid, byte[].",
            nameof(value)),
    };
}
