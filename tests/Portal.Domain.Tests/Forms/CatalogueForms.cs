using System.Text.Json;

namespace Portal.Domain.Tests.Forms;

/// <summary>The catalogue's e-Forms and their sample cases, read in place from the repository.</summary>
internal static class CatalogueForms
{
    private static readonly Lazy<string> RootPath = new(LocateRoot);

    /// <summary>The repository root (the folder holding Serverless.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>The folder of the procedure files, each with its "form" schema.</summary>
    public static string ProceduresDirectory => Path.Combine(Root, "functions", "Portal.Functions", "Data", "catalogue", "procedures");

    /// <summary>The folder of the per-form sample cases (one file per procedure code).</summary>
    public static string SamplesDirectory => Path.Combine(Root, "tests", "Portal.Domain.Tests", "Forms", "Samples");

    /// <summary>Every procedure's code and e-Form schema.</summary>
    public static IReadOnlyList<(string Code, JsonElement Form)> All() =>
        Directory.EnumerateFiles(ProceduresDirectory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                return (document.RootElement.GetProperty("code").GetString()!, document.RootElement.GetProperty("form").Clone());
            })
            .ToList();

    /// <summary>The sample cases of one procedure.</summary>
    public static FormSamples Samples(string code)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SamplesDirectory, $"{code}.json")));
        var root = document.RootElement;
        return new FormSamples(
            root.GetProperty("procedure").GetString()!,
            DateOnly.ParseExact(root.GetProperty("today").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            root.GetProperty("cases").EnumerateArray()
                .Select(c => new FormSample(
                    c.GetProperty("name").GetString()!,
                    c.GetProperty("valid").GetBoolean(),
                    c.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).Order(StringComparer.Ordinal).ToList(),
                    c.GetProperty("data").Clone()))
                .ToList());
    }

    private static string LocateRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"Serverless.sln not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>The sample cases of one e-Form, judged on <paramref name="Today"/>.</summary>
internal sealed record FormSamples(string Procedure, DateOnly Today, IReadOnlyList<FormSample> Cases);

/// <summary>One sample: its data, whether it is valid and the field ids its errors must name (sorted).</summary>
internal sealed record FormSample(string Name, bool Valid, IReadOnlyList<string> Fields, JsonElement Data);
