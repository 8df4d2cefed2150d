using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Functions.Tests.Infrastructure;

/// <summary>
/// Builds the deploy package exactly as the README says (self-contained linux-x64 ReadyToRun) and runs the
/// packaged handler the way the Functions host does: FUNCTIONS_CUSTOMHANDLER_PORT set, invoked over HTTP.
/// </summary>
[Collection(AppCollection.Name)]
public class DeployPackageTests(PortalAppFixture app)
{
    [Fact]
    public async Task Package_HasHostJsonFunctionFoldersAndAHandlerThatAnswersLikeACustomHandler()
    {
        var work = Directory.CreateTempSubdirectory("portal-package-");
        try
        {
            var package = Path.Combine(work.FullName, "package");
            // --artifacts-path keeps this publish's obj/bin away from the build the tests run from.
            var publish = await Run("dotnet", ["publish", RepoPaths.Combine("functions", "Portal.Functions"), "-c", "Release", "-r", "linux-x64",
                "--self-contained", "-p:PublishReadyToRun=true", $"-p:FunctionPackage={package}", "-o", Path.Combine(package, "bin"),
                "--artifacts-path", Path.Combine(work.FullName, "artifacts"), "-nologo"], TimeSpan.FromMinutes(8));
            Assert.True(publish.ExitCode == 0, publish.Output);

            Assert.True(File.Exists(Path.Combine(package, "host.json")));
            foreach (var function in Directory.GetDirectories(RepoPaths.Combine("functions", "Portal.Functions", "Functions")))
            {
                Assert.True(File.Exists(Path.Combine(package, Path.GetFileName(function), "function.json")), $"{function} not packaged");
            }
            var handler = Path.Combine(package, "bin", "Portal.Functions");
            Assert.True(File.Exists(handler), "the self-contained handler executable is missing");
            Assert.True(File.Exists(Path.Combine(package, "bin", "wwwroot", "index.html")), "the site is not packaged");
            Assert.True(File.Exists(Path.Combine(package, "bin", "Data", "calendar", "holidays-vn.json")), "data files are not packaged");

            var port = FreePort();
            var start = new ProcessStartInfo(handler) { WorkingDirectory = Path.Combine(package, "bin"), RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["Storage__ConnectionString"] = app.Azurite.ConnectionString;
            // As in Azure (Production): both issuers configured, or the handler refuses to start. Metadata is read at the first token.
            start.Environment["Auth__Citizens__Authority"] = start.Environment["Auth__Citizens__Issuer"] = "https://vneid.example.vn";
            start.Environment["Auth__Officers__Authority"] = start.Environment["Auth__Officers__Issuer"] =
                "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0";
            using var process = Process.Start(start)!;
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
                await WaitUntilUp(client, process);
                using var invocation = new HttpRequestMessage(HttpMethod.Post, "TimerSweep")
                {
                    Content = JsonContent.Create(new { Data = new { timer = new { IsPastDue = false } }, Metadata = new { } }),
                    Headers = { { "X-Azure-Functions-InvocationId", Guid.NewGuid().ToString() } },
                };
                var response = await client.SendAsync(invocation);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.True(body.TryGetProperty("Outputs", out _) && body.TryGetProperty("Logs", out _) && body.TryGetProperty("ReturnValue", out _));
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("index.html")).StatusCode);
                // An outside request the host forwarded (the front end's X-Forwarded-For copied along) is refused like an unknown path.
                using var forwarded = new HttpRequestMessage(HttpMethod.Post, "TimerSweep")
                {
                    Content = JsonContent.Create(new { Data = new { }, Metadata = new { } }),
                    Headers = { { "X-Azure-Functions-InvocationId", Guid.NewGuid().ToString() }, { "X-Forwarded-For", "203.0.113.7" } },
                };
                Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(forwarded)).StatusCode);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task WaitUntilUp(HttpClient client, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, "the packaged handler exited at start");
            try
            {
                if ((await client.GetAsync("api/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        Assert.Fail("the packaged handler did not answer within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> Run(string file, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
