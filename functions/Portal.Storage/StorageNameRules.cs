using System.Text.RegularExpressions;

namespace Portal.Storage;

/// <summary>
/// The service naming rules, checked before a request is sent so a bad name fails with a clear message
/// instead of an opaque 400 (or, worse, a different resource).
/// </summary>
internal static partial class StorageNameRules
{
    /// <summary>Tables: 3-63 ASCII letters and digits, starting with a letter.</summary>
    public static string Table(string name) => Check(name, TablePattern(), "table", "3-63 letters and digits, starting with a letter");

    /// <summary>Containers and queues: 3-63 lowercase letters, digits and single hyphens, not at either end.</summary>
    public static string ContainerOrQueue(string name, string kind) =>
        Check(name, ContainerPattern(), kind, "3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit");

    /// <summary>
    /// Blob names we accept: 1-1024 characters from <c>A-Z a-z 0-9 - _ . /</c>, no empty, "." or ".." segment.
    /// Narrower than the service allows, on purpose: names are built by our code (never a user's file name),
    /// and this alphabet needs no URL escaping.
    /// </summary>
    public static string Blob(string name)
    {
        Check(name, BlobPattern(), "blob", "1-1024 characters from A-Z a-z 0-9 - _ . / (build names in code; never use a user's file name)");
        if (name.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException($"Blob name '{name}' has an empty, '.' or '..' path segment.", nameof(name));
        }
        return name;
    }

    /// <summary>PartitionKey and RowKey: at most 512 characters (1 KiB), none of <c>/ \ # ?</c> and no control characters.</summary>
    public static string Key(string value, string which)
    {
        ArgumentNullException.ThrowIfNull(value, which);
        if (value.Length > 512 || value.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException($"{which} must be at most 512 characters (1 KiB), with no '/', '\\', '#', '?' or control characters.", which);
        }
        return value;
    }

    private static string Check(string name, Regex pattern, string kind, string rule)
    {
        ArgumentNullException.ThrowIfNull(name);
        return pattern.IsMatch(name) ? name : throw new ArgumentException($"'{name}' is not a valid {kind} name: {rule}.", nameof(name));
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{2,62}\z")]
    private static partial Regex TablePattern();

    [GeneratedRegex(@"^(?=.{3,63}\z)[a-z0-9]+(-[a-z0-9]+)*\z")]
    private static partial Regex ContainerPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._/-]{1,1024}\z")]
    private static partial Regex BlobPattern();
}
