using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Portal.Infra.Tests;

/// <summary>
/// infra/deploy.sh cannot run here (no az CLI, no route to Azure); these checks keep it consistent with the
/// templates, the parameter files and the README's package command.
/// </summary>
public sealed class DeployScriptTests
{
    private static readonly string ScriptPath = Path.Combine(Repo.Root, "infra", "deploy.sh");
    private static readonly string Script = File.ReadAllText(ScriptPath);

    [Fact]
    public void TheScriptParses()
    {
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-n", ScriptPath]) { RedirectStandardError = true })!;
        var errors = bash.StandardError.ReadToEnd();
        bash.WaitForExit();

        Assert.True(bash.ExitCode == 0, errors);
    }

    [Fact]
    public void TheScriptSaysItWasNeverRunHere()
    {
        Assert.Contains("NOT RUN HERE", Script, StringComparison.Ordinal);
    }

    [Fact]
    public void TheScriptRequiresExactlyTheVariablesTheParameterFilesRead()
    {
        var required = Regex.Match(Script, @"for variable in (?<names>[A-Z_ ]+); do").Groups["names"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var read = Repo.Files(Repo.Bicep, ".bicepparam")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"readEnvironmentVariable\('(?<name>\w+)'\)"))
            .Select(m => m.Groups["name"].Value)
            .Distinct();

        Assert.Equal(read.Order(), required.Order());
        Assert.Equal(BicepCli.ExampleEnvironment.Keys.Order(), required.Order());
    }

    [Fact]
    public void TheScriptDeploysMainAtSubscriptionScopeWithTheEnvironmentsParameterFile()
    {
        Assert.Contains("az deployment sub create", Script, StringComparison.Ordinal);
        Assert.Contains("--template-file infra/bicep/main.bicep", Script, StringComparison.Ordinal);
        Assert.Contains("\"infra/bicep/main.${environment}.bicepparam\"", Script, StringComparison.Ordinal);
        foreach (var environment in new[] { "dev", "prod" }) Assert.True(File.Exists(Path.Combine(Repo.Bicep, $"main.{environment}.bicepparam")));
    }

    [Fact]
    public void TheScriptBuildsThePackageTheReadmeDescribes()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var publish = Regex.Match(readme, @"dotnet publish functions/Portal\.Functions [^\n]+").Value;
        Assert.NotEmpty(publish);

        foreach (var flag in new[] { "-c Release", "-r linux-x64", "--self-contained", "-p:PublishReadyToRun=true", "-p:FunctionPackage=", "-o artifacts/package/bin" })
        {
            Assert.Contains(flag, publish, StringComparison.Ordinal);
            Assert.Contains(flag, Script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheScriptUsesOnlyOutputsTheTemplateDeclares()
    {
        var outputs = ArmTemplate.Main.Root["outputs"]!.AsObject().Select(o => o.Key).ToHashSet();
        var used = Regex.Matches(Script, @"output (?<name>[A-Z_]+)\)").Select(m => m.Groups["name"].Value).ToList();

        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.Contains(name, outputs));
    }
}
