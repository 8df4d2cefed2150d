using System.Text.Json;

namespace Portal.Domain.Tests.Forms;

/// <summary>
/// Finds and reads the official JSON-Schema-Test-Suite (draft 2020-12) that lives next to the repository, in
/// ../shared/json-schema-test-suite, or wherever the JSON_SCHEMA_TEST_SUITE environment variable points.
/// The suite is read in place and never copied into the project.
/// </summary>
internal static class JsonSchemaTestSuite
{
    /// <summary>The environment variable that overrides the suite location (the folder holding "tests/").</summary>
    public const string EnvironmentVariable = "JSON_SCHEMA_TEST_SUITE";

    private static readonly Lazy<string> RootPath = new(Locate);

    /// <summary>The suite folder (it may not exist).</summary>
    public static string Root => RootPath.Value;

    /// <summary>The draft 2020-12 test folder.</summary>
    public static string Draft2020Directory => Path.Combine(Root, "tests", "draft2020-12");

    /// <summary>True when the draft 2020-12 folder is present.</summary>
    public static bool IsPresent => Directory.Exists(Draft2020Directory);

    /// <summary>Why no conformance run happened, for the test output.</summary>
    public static string AbsentMessage =>
        $"Conformance run did not happen: folder {Draft2020Directory} is absent. "
        + $"Put the JSON-Schema-Test-Suite at ../shared/json-schema-test-suite or set {EnvironmentVariable}.";

    /// <summary>Every .json file under the draft 2020-12 folder, as paths relative to it with forward slashes.</summary>
    public static IReadOnlyList<string> AllFiles() =>
        Directory.EnumerateFiles(Draft2020Directory, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Draft2020Directory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads the test cases of one file (relative to the draft 2020-12 folder).</summary>
    public static IReadOnlyList<SuiteCase> ReadCases(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Draft2020Directory, file)));
        return document.RootElement.EnumerateArray()
            .Select(c => new SuiteCase(
                file,
                c.GetProperty("description").GetString()!,
                c.GetProperty("schema").Clone(),
                c.GetProperty("tests").EnumerateArray()
                    .Select(t => new SuiteTest(t.GetProperty("description").GetString()!, t.GetProperty("data").Clone(), t.GetProperty("valid").GetBoolean()))
                    .ToList()))
            .ToList();
    }

    private static string Locate()
    {
        var overridden = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridden)) return Path.GetFullPath(overridden);

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "json-schema-test-suite"));
            }
        }
        return Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "json-schema-test-suite-not-found"));
    }
}
