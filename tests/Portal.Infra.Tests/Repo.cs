namespace Portal.Infra.Tests;

/// <summary>Paths in the repository, found from the test's output directory.</summary>
public static class Repo
{
    /// <summary>The folder holding Serverless.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>infra/bicep.</summary>
    public static string Bicep => Path.Combine(Root, "infra", "bicep");

    /// <summary>The function app's source folder.</summary>
    public static string FunctionsApp => Path.Combine(Root, "functions", "Portal.Functions");

    /// <summary>Every file under <paramref name="folder"/> with the extension, sorted, without bin/ and obj/.</summary>
    public static IReadOnlyList<string> Files(string folder, string extension) =>
        Directory.EnumerateFiles(folder, "*" + extension, SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A path relative to the repository root, for test names and messages.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Serverless.sln not found above {AppContext.BaseDirectory}.");
    }
}
