using System.Text.RegularExpressions;

namespace Portal.Infra.Tests;

/// <summary>One configuration key the app reads, and where the collector found it.</summary>
/// <param name="Key">The key in configuration form (A:B:C).</param>
/// <param name="Source">File and construct it came from, for messages.</param>
public sealed record SettingRead(string Key, string Source)
{
    /// <summary>The key as an app setting / environment variable (A__B__C).</summary>
    public string AppSetting => Key.Replace(":", "__", StringComparison.Ordinal);
}

/// <summary>
/// Finds every configuration key the function app's C# reads, by reading its source (no running app needed):
/// <list type="bullet">
/// <item><c>configuration["X"]</c> / <c>Configuration[X]</c> and <c>GetValue(X, …)</c>, X a literal or a string constant
/// (qualified <c>Type.Name</c>, or a constant of the enclosing class);</item>
/// <item>a parameter used as the key (<c>configuration[setting]</c>): resolved through every call of the enclosing
/// method in the same file;</item>
/// <item><c>GetSection(T.Section)</c>: the section plus every <c>{ get; set; }</c> property of the options class that
/// declares that constant, recursing into properties whose type is another such class of the app;</item>
/// <item><c>Environment.GetEnvironmentVariable("A__B")</c>.</item>
/// </list>
/// A read it cannot resolve is reported in <see cref="Unresolved"/>, never dropped. It does not see keys read by the
/// framework itself (ASPNETCORE_ENVIRONMENT, Logging) or by the Functions host: the tests list those by hand.
/// </summary>
public sealed class SettingsCollector
{
    private static readonly Regex ClassDeclaration = new(@"\b(?:class|record)\s+(?<name>\w+)", RegexOptions.Compiled);
    private static readonly Regex ConstDeclaration = new(@"\bconst\s+string\s+(?<decls>[^;]+);", RegexOptions.Compiled);
    private static readonly Regex Declarator = new(@"(?<name>\w+)\s*=\s*""(?<value>[^""]*)""", RegexOptions.Compiled);
    private static readonly Regex IndexerRead = new(@"\b[Cc]onfiguration\s*\[\s*(?<arg>[^\]]+?)\s*\]", RegexOptions.Compiled);
    private static readonly Regex GetValueRead = new(@"\.GetValue(?:<[^>]+>)?\(\s*(?<arg>[^,\)]+?)\s*[,\)]", RegexOptions.Compiled);
    private static readonly Regex SectionRead = new(@"\.GetSection\(\s*(?<arg>[^\)]+?)\s*\)", RegexOptions.Compiled);
    private static readonly Regex EnvironmentRead = new(@"Environment\.GetEnvironmentVariable\(\s*""(?<name>[^""]+)""\s*\)", RegexOptions.Compiled);
    private static readonly Regex Property = new(@"\bpublic\s+(?<type>[\w\.\?<>]+)\s+(?<name>\w+)\s*\{\s*get;\s*set;\s*\}", RegexOptions.Compiled);
    private static readonly Regex MethodDeclaration = new(@"\b(?<name>\w+)\s*\((?<params>[^()]*)\)\s*(?:\{|=>)", RegexOptions.Compiled);

    private readonly Dictionary<string, string> _constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _classBodies = new(StringComparer.Ordinal);
    private readonly List<SettingRead> _reads = [];
    private readonly List<string> _unresolved = [];

    /// <summary>Every key read, with where it was found (a key may appear more than once).</summary>
    public IReadOnlyList<SettingRead> Reads => _reads;

    /// <summary>The distinct keys read, in configuration form.</summary>
    public IReadOnlySet<string> Keys => _reads.Select(r => r.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the collector could not resolve to a key (each names its file and expression).</summary>
    public IReadOnlyList<string> Unresolved => _unresolved;

    /// <summary>Scans every .cs file under the folder (bin/ and obj/ excluded).</summary>
    public static SettingsCollector Scan(string folder)
    {
        var collector = new SettingsCollector();
        var files = Repo.Files(folder, ".cs").Select(f => (Path: f, Text: StripComments(File.ReadAllText(f)))).ToList();
        foreach (var (_, text) in files) collector.IndexDeclarations(text);
        foreach (var (path, text) in files) collector.CollectReads(Repo.Relative(path), text);
        return collector;
    }

    private void IndexDeclarations(string text)
    {
        foreach (Match c in ConstDeclaration.Matches(text))
        {
            var owner = EnclosingClass(text, c.Index);
            foreach (Match d in Declarator.Matches(c.Groups["decls"].Value))
            {
                _constants[$"{owner}.{d.Groups["name"].Value}"] = d.Groups["value"].Value;
            }
        }
        foreach (Match c in ClassDeclaration.Matches(text))
        {
            var open = text.IndexOf('{', c.Index);
            if (open < 0) continue;
            _classBodies.TryAdd(c.Groups["name"].Value, Body(text, open));
        }
    }

    private void CollectReads(string file, string text)
    {
        foreach (Match m in IndexerRead.Matches(text)) Add(file, text, m.Index, m.Groups["arg"].Value, "indexer");
        foreach (Match m in GetValueRead.Matches(text)) Add(file, text, m.Index, m.Groups["arg"].Value, "GetValue");
        foreach (Match m in EnvironmentRead.Matches(text))
        {
            _reads.Add(new SettingRead(m.Groups["name"].Value.Replace("__", ":", StringComparison.Ordinal), $"{file}: environment variable"));
        }
        foreach (Match m in SectionRead.Matches(text))
        {
            var arg = m.Groups["arg"].Value;
            var owner = EnclosingClass(text, m.Index);
            if (Resolve(owner, arg) is not { } section)
            {
                _unresolved.Add($"{file}: GetSection({arg})");
                continue;
            }
            // The options class is the one that declares the section constant (Type.Section).
            var optionsClass = arg.Contains('.') ? arg[..arg.LastIndexOf('.')] : owner;
            if (!_classBodies.ContainsKey(optionsClass))
            {
                _unresolved.Add($"{file}: GetSection({arg}) binds no options class found in the source");
                continue;
            }
            AddProperties(section, optionsClass, $"{file}: {optionsClass} bound to '{section}'", depth: 0);
        }
    }

    private void AddProperties(string prefix, string optionsClass, string source, int depth)
    {
        foreach (Match p in Property.Matches(_classBodies[optionsClass]))
        {
            var key = $"{prefix}:{p.Groups["name"].Value}";
            var type = p.Groups["type"].Value.TrimEnd('?');
            if (depth < 4 && _classBodies.ContainsKey(type) && Property.IsMatch(_classBodies[type])) AddProperties(key, type, source, depth + 1);
            else _reads.Add(new SettingRead(key, source));
        }
    }

    private void Add(string file, string text, int at, string arg, string construct)
    {
        var owner = EnclosingClass(text, at);
        if (Resolve(owner, arg) is { } key)
        {
            _reads.Add(new SettingRead(key, $"{file}: {construct} {arg}"));
            return;
        }
        // A parameter used as the key: resolve it at every call of the enclosing method in this file.
        if (Regex.IsMatch(arg, @"^\w+$") && EnclosingMethod(text, at, arg) is { } method)
        {
            var calls = CallArguments(text, method.Name, method.Index, method.DeclarationAt).ToList();
            var resolved = calls.Select(a => Resolve(owner, a)).ToList();
            if (calls.Count > 0 && resolved.All(r => r is not null))
            {
                foreach (var k in resolved) _reads.Add(new SettingRead(k!, $"{file}: {construct} {arg} via {method.Name}(…)"));
                return;
            }
        }
        _unresolved.Add($"{file}: {construct} [{arg}]");
    }

    private string? Resolve(string owner, string expression)
    {
        expression = expression.Trim();
        if (expression.Length >= 2 && expression[0] == '"' && expression[^1] == '"') return expression[1..^1];
        if (_constants.TryGetValue(expression, out var qualified)) return qualified;
        return _constants.TryGetValue($"{owner}.{expression}", out var local) ? local : null;
    }

    private static string EnclosingClass(string text, int at) =>
        ClassDeclaration.Matches(text[..at]).LastOrDefault()?.Groups["name"].Value ?? "";

    private static (string Name, int Index, int DeclarationAt)? EnclosingMethod(string text, int at, string parameter)
    {
        foreach (var m in MethodDeclaration.Matches(text[..at]).Reverse())
        {
            var parameters = m.Groups["params"].Value.Split(',', StringSplitOptions.TrimEntries);
            var index = Array.FindIndex(parameters, p => Regex.IsMatch(p, $@"\b{Regex.Escape(parameter)}$"));
            if (index >= 0) return (m.Groups["name"].Value, index, m.Index);
        }
        return null;
    }

    private static IEnumerable<string> CallArguments(string text, string method, int index, int declarationAt)
    {
        foreach (Match call in Regex.Matches(text, $@"\b{Regex.Escape(method)}\s*\("))
        {
            if (call.Index == declarationAt) continue;
            var arguments = SplitArguments(text, call.Index + call.Length);
            if (index < arguments.Count) yield return arguments[index];
        }
    }

    private static List<string> SplitArguments(string text, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var current = start;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    arguments.Add(text[current..i].Trim());
                    return arguments;
                }
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add(text[current..i].Trim());
                current = i + 1;
            }
        }
        return arguments;
    }

    private static string Body(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '{') depth++;
            else if (text[i] == '}' && --depth == 0) return text[open..(i + 1)];
        }
        return text[open..];
    }

    // Comments may quote keys (/// <c>Storage:BlobEndpoint</c>); only code counts. Strings keep their // and /*.
    private static string StripComments(string text) =>
        Regex.Replace(text, @"""(?:\\.|[^""\\])*""|//[^\n]*|/\*.*?\*/", m => m.Value[0] == '"' ? m.Value : "", RegexOptions.Singleline);
}
