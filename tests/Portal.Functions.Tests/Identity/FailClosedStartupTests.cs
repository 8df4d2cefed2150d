using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Portal.Functions.Tests.Identity;

public class FailClosedStartupTests
{
    private static OptionsValidationException BuildRefused(string environment, Dictionary<string, string?> settings) =>
        Assert.Throws<OptionsValidationException>(() => PortalApp.Build(["--environment", environment],
            builder => builder.Configuration.AddInMemoryCollection(settings)));

    [Fact]
    public void DevelopmentSignIn_OutsideDevelopment_IsRefusedWhenTheAppIsBuilt()
    {
        var refused = BuildRefused("Production", new() { ["Auth:DevSignIn"] = "true" });
        Assert.Contains("Auth:DevSignIn is on but the environment is 'Production'", refused.Message);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void MissingAuthorities_OutsideDevelopment_StopTheAppSayingWhatToSet(string environment)
    {
        var refused = BuildRefused(environment, new() { ["Auth:DevSignIn"] = "false" });
        Assert.Contains("Auth:Citizens:Authority", refused.Message);
        Assert.Contains("Auth:Officers:Authority", refused.Message);
    }

    [Fact]
    public void EmptyIssuerOrAudience_StopsTheApp()
    {
        var refused = BuildRefused("Production", new()
        {
            ["Auth:Citizens:Authority"] = "https://vneid.example.vn", ["Auth:Citizens:Issuer"] = "",
            ["Auth:Officers:Authority"] = "https://login.microsoftonline.com/tenant/v2.0", ["Auth:Officers:Audience"] = "",
        });
        Assert.Contains("Auth:Citizens:Issuer is empty", refused.Message);
        Assert.Contains("Auth:Officers:Audience is empty", refused.Message);
    }

    [Fact]
    public void ARealAuthority_WithTheDevelopmentIssuer_IsRefused()
    {
        var refused = BuildRefused("Production", new()
        {
            ["Auth:Citizens:Authority"] = "https://vneid.example.vn", ["Auth:Citizens:Issuer"] = "https://vneid.example.vn",
            ["Auth:Officers:Authority"] = "https://login.microsoftonline.com/tenant/v2.0",
        });
        Assert.Contains("Auth:Officers:Issuer is still the development issuer", refused.Message);
        Assert.DoesNotContain("Auth:Citizens:", refused.Message);
    }

    [Fact]
    public void DevelopmentWithoutDevSignInOrAuthority_IsRefused()
    {
        var refused = BuildRefused("Development", new() { ["Auth:DevSignIn"] = "false" });
        Assert.Contains("Auth:Citizens:Authority", refused.Message);
    }

    [Fact]
    public void ConfiguredIssuers_InProduction_Build()
    {
        using var app = PortalApp.Build(["--environment", "Production"], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Citizens:Authority"] = "https://vneid.example.vn", ["Auth:Citizens:Issuer"] = "https://vneid.example.vn",
            ["Auth:Officers:Authority"] = "https://login.microsoftonline.com/tenant/v2.0",
            ["Auth:Officers:Issuer"] = "https://login.microsoftonline.com/tenant/v2.0",
        }));
        Assert.NotNull(app);
    }

    [Fact]
    public async Task TheProcess_InProductionWithDevSignIn_ExitsAtOnceWithTheReason_EvenWithStorageUnreachable()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Portal.Functions.dll"), "--urls", "http://127.0.0.1:0" }) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Auth__DevSignIn"] = "true";
        // Nothing listens there: before the check, the app retried storage for 40 s and died without a word.
        start.Environment["Storage__ConnectionString"] =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.NotEqual(0, process.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Contains("Auth:DevSignIn is on but the environment is 'Production'", await stderr + await stdout);
    }
}
