using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace Portal.Infra.Tests;

/// <summary>What one run of the Bicep CLI said.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Output">Standard output (the compiled JSON with --stdout).</param>
/// <param name="Diagnostics">Standard error: one line per warning or error, empty when clean.</param>
public sealed record BicepResult(int ExitCode, string Output, string Diagnostics)
{
    /// <summary>The diagnostic lines (warnings and errors), without blank lines.</summary>
    public IReadOnlyList<string> DiagnosticLines =>
        Diagnostics.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// The real Bicep CLI, restored by the project's PackageDownload of Azure.Bicep.CommandLine.linux-x64
/// into the NuGet packages folder (tools/bicep). Nothing is downloaded at test time.
/// </summary>
public static class BicepCli
{
    /// <summary>Provider addresses the parameter files read from the environment (deploy.sh requires them).</summary>
    public static readonly IReadOnlyDictionary<string, string> ExampleEnvironment = new Dictionary<string, string>
    {
        ["VNEID_AUTHORITY"] = "https://vneid.example.test",
        ["VNEID_ISSUER"] = "https://vneid.example.test",
        ["VNEID_AUDIENCE"] = "urn:example:portal-api",
        ["ENTRA_TENANT_ID"] = "00000000-0000-0000-0000-000000000000",
        ["ENTRA_API_AUDIENCE"] = "api://00000000-0000-0000-0000-000000000001",
    };

    /// <summary>Path of the bicep executable.</summary>
    public static string Executable { get; } = Locate();

    // The files do not change during a run: each distinct command runs once (builds take seconds each).
    private static readonly ConcurrentDictionary<string, Lazy<BicepResult>> Results = new();

    /// <summary>Runs bicep with the arguments (and extra environment variables), waiting at most two minutes; memoised per command.</summary>
    public static BicepResult Run(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var key = string.Join('\u0001', arguments) + "\u0002" + string.Join('\u0001', (environment ?? new Dictionary<string, string>()).Select(p => $"{p.Key}={p.Value}"));
        return Results.GetOrAdd(key, _ => new Lazy<BicepResult>(() => Execute(arguments, environment))).Value;
    }

    private static BicepResult Execute(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Bicep,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The parameter files' environment variables are given explicitly or not at all.
        foreach (var name in ExampleEnvironment.Keys) start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        // No telemetry, no update checks: this machine has no route to them anyway.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', start.ArgumentList)} did not finish in two minutes.");
        }
        return new BicepResult(process.ExitCode, output.Result, errors.Result);
    }

    /// <summary>Compiles a .bicep file and returns the ARM JSON, failing on any diagnostic.</summary>
    public static string Build(string bicepFile)
    {
        var result = Run(["build", bicepFile, "--stdout"]);
        if (result.ExitCode != 0 || result.DiagnosticLines.Count > 0)
        {
            throw new InvalidOperationException($"bicep build {Repo.Relative(bicepFile)} failed ({result.ExitCode}):\n{result.Diagnostics}");
        }
        return result.Output;
    }

    private static string Locate()
    {
        var metadata = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var root = metadata.GetValueOrDefault("NuGetPackageRoot") is { Length: > 0 } restored ? restored
            : Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(root, "azure.bicep.commandline.linux-x64", metadata["BicepVersion"]!, "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The Bicep CLI is not at {path}: restore tests/Portal.Infra.Tests (its PackageDownload of Azure.Bicep.CommandLine.linux-x64).", path);
        }
        return path;
    }
}
