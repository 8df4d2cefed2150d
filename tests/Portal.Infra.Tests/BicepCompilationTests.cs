using System.Text.Json.Nodes;

namespace Portal.Infra.Tests;

/// <summary>Every Bicep and parameter file compiles and lints with no diagnostic at all, on the real Bicep CLI.</summary>
public sealed class BicepCompilationTests
{
    /// <summary>Rules left off on purpose, each with its reason.</summary>
    private static readonly Dictionary<string, string> RulesOff = new()
    {
        // Compares API versions with today's date: the same files would start failing as time passes.
        ["use-recent-api-versions"] = "depends on the date the test runs",
        // Needs the public module registry, which cannot be reached here (and no br/public: module is used).
        ["use-recent-module-versions"] = "needs the public module registry",
    };

    public static TheoryData<string> BicepFiles() => new(Repo.Files(Repo.Bicep, ".bicep").Select(Repo.Relative));

    public static TheoryData<string> ParameterFiles() => new(Repo.Files(Repo.Bicep, ".bicepparam").Select(Repo.Relative));

    [Fact]
    public void TheCliIsTheRestoredVersion()
    {
        var result = BicepCli.Run(["--version"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Bicep CLI version 0.49.2", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheInfrastructureHasAMainFileModulesAndBothParameterFiles()
    {
        var files = Repo.Files(Repo.Bicep, "").Select(Repo.Relative).ToList();

        Assert.Contains("infra/bicep/main.bicep", files);
        Assert.Contains("infra/bicep/main.dev.bicepparam", files);
        Assert.Contains("infra/bicep/main.prod.bicepparam", files);
        Assert.Contains("infra/bicep/bicepconfig.json", files);
        Assert.True(files.Count(f => f.StartsWith("infra/bicep/modules/", StringComparison.Ordinal) && f.EndsWith(".bicep", StringComparison.Ordinal)) >= 6,
            "expected the resources split into modules under infra/bicep/modules");
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void BuildsWithoutDiagnostics(string file)
    {
        var result = BicepCli.Run(["build", Path.Combine(Repo.Root, file), "--stdout"]);

        Assert.True(result.ExitCode == 0 && result.DiagnosticLines.Count == 0, $"bicep build {file} ({result.ExitCode}):\n{result.Diagnostics}");
        Assert.NotNull(JsonNode.Parse(result.Output)?["$schema"]);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void LintsWithoutDiagnostics(string file)
    {
        var result = BicepCli.Run(["lint", Path.Combine(Repo.Root, file)]);

        Assert.True(result.ExitCode == 0 && result.DiagnosticLines.Count == 0 && result.Output.Trim().Length == 0,
            $"bicep lint {file} ({result.ExitCode}):\n{result.Output}{result.Diagnostics}");
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void ParameterFileBuildsWithoutDiagnostics(string file)
    {
        var result = BicepCli.Run(["build-params", Path.Combine(Repo.Root, file), "--stdout"], BicepCli.ExampleEnvironment);

        Assert.True(result.ExitCode == 0 && result.DiagnosticLines.Count == 0, $"bicep build-params {file} ({result.ExitCode}):\n{result.Diagnostics}");
        var parameters = JsonNode.Parse(JsonNode.Parse(result.Output)!["parametersJson"]!.GetValue<string>())!["parameters"]!.AsObject();
        Assert.Equal("https://vneid.example.test", parameters["citizens"]!["value"]!["authority"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void ParameterFileLintsWithoutDiagnostics(string file)
    {
        var result = BicepCli.Run(["lint", Path.Combine(Repo.Root, file)], BicepCli.ExampleEnvironment);

        Assert.True(result.ExitCode == 0 && result.DiagnosticLines.Count == 0 && result.Output.Trim().Length == 0,
            $"bicep lint {file} ({result.ExitCode}):\n{result.Output}{result.Diagnostics}");
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void ParameterFileRefusesToBuildWithoutTheIdentityProviders(string file)
    {
        var result = BicepCli.Run(["build-params", Path.Combine(Repo.Root, file), "--stdout"]);

        Assert.NotEqual(0, result.ExitCode);
        foreach (var variable in BicepCli.ExampleEnvironment.Keys)
        {
            Assert.Contains($"\"{variable}\" does not exist", result.Diagnostics, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryLinterRuleIsAnErrorExceptTheOnesOffForAReason()
    {
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Bicep, "bicepconfig.json")))!["analyzers"]!["core"]!["rules"]!.AsObject();

        Assert.True(rules.Count >= 35, $"only {rules.Count} rules configured");
        foreach (var (rule, setting) in rules)
        {
            var level = setting!["level"]!.GetValue<string>();
            if (RulesOff.ContainsKey(rule)) Assert.Equal("off", level);
            else Assert.True(level == "error", $"{rule} is '{level}', not 'error'");
        }
    }

    [Fact]
    public void ALinterWarningFailsTheLintWithTheRepositoryConfiguration()
    {
        // A copy of bicepconfig.json beside a file with an unused parameter (a warning by default).
        var folder = Directory.CreateTempSubdirectory("portal-bicep-lint-");
        try
        {
            File.Copy(Path.Combine(Repo.Bicep, "bicepconfig.json"), Path.Combine(folder.FullName, "bicepconfig.json"));
            var file = Path.Combine(folder.FullName, "unused.bicep");
            File.WriteAllText(file, "@description('Never used.')\nparam unused string\n");

            var result = BicepCli.Run(["lint", file]);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("Error no-unused-params", result.Output + result.Diagnostics, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void EveryParameterAndOutputIsDescribed(string file)
    {
        var template = JsonNode.Parse(BicepCli.Build(Path.Combine(Repo.Root, file)))!.AsObject();

        var undescribed = new List<string>();
        foreach (var section in new[] { "parameters", "outputs" })
        {
            foreach (var (name, declaration) in template[section]?.AsObject() ?? [])
            {
                var description = declaration?["metadata"]?["description"]?.GetValue<string>();
                if (string.IsNullOrWhiteSpace(description)) undescribed.Add($"{section}.{name}");
            }
        }

        Assert.True(undescribed.Count == 0, $"{file}: no @description on {string.Join(", ", undescribed)}");
    }
}
