using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Portal.Functions.Triggers;
using Portal.Testing;

namespace Portal.Functions.Tests.Triggers;

/// <summary>The app as the Functions host runs it (<c>FUNCTIONS_CUSTOMHANDLER_PORT</c> set), over its own Azurite.</summary>
public sealed class UnderFunctionsHostFixture : IAsyncLifetime
{
    /// <summary>The app.</summary>
    public PortalAppFixture App { get; } = new();

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        // Port 0: a free one, as the fixture's own --urls would pick.
        App.Settings[TriggerEndpoints.HostPortSetting] = "0";
        App.Settings["Triggers:LocalHost"] = "false";
        return App.InitializeAsync();
    }

    /// <inheritdoc />
    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// The deploy package's function.json files and the app's endpoints must describe the same functions, and no trigger
/// function can be reached from outside through the forwarded catch-all HTTP function.
/// </summary>
[Collection(AppCollection.Name)]
public class FunctionDefinitionTests(PortalAppFixture app, UnderFunctionsHostFixture underHost) : IClassFixture<UnderFunctionsHostFixture>
{
    private static readonly string FunctionsFolder = RepoPaths.Root + "/functions/Portal.Functions/Functions";

    private static Dictionary<string, JsonElement> Definitions() => Directory.GetDirectories(FunctionsFolder).ToDictionary(
        d => Path.GetFileName(d), d => JsonDocument.Parse(File.ReadAllText(Path.Combine(d, "function.json"))).RootElement);

    private static List<string> NonHttpFunctions() => Definitions().Where(d => d.Value.GetProperty("bindings").EnumerateArray()
        .All(b => b.GetProperty("type").GetString() != "httpTrigger")).Select(d => d.Key).Order().ToList();

    private static string HttpRoute() => Definitions().Values.SelectMany(d => d.GetProperty("bindings").EnumerateArray())
        .Single(b => b.GetProperty("type").GetString() == "httpTrigger").GetProperty("route").GetString()!;

    private static HttpRequestMessage Invocation(string function, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, function)
        {
            Content = JsonContent.Create(new
            {
                Data = new { timer = new { Schedule = new { AdjustForDST = true }, IsPastDue = false } },
                Metadata = new { sys = new { MethodName = function, UtcNow = DateTime.UtcNow, RandGuid = Guid.NewGuid() } },
            }),
        };
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        return request;
    }

    private static readonly (string, string) HostInvocationId = (TriggerEndpoints.InvocationIdHeader, "3f0c2a51-1b7e-4f7e-9f59-3c1c0f9d2e11");

    private IReadOnlyList<string> CustomHandlerEndpoints() => underHost.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<CustomHandlerFunction>() is not null)
        .Select(e => e.Metadata.GetMetadata<CustomHandlerFunction>()!.Name)
        .ToList();

    [Fact]
    public void EveryNonHttpFunction_HasAnEndpoint_AndEveryFunctionEndpoint_HasADefinition()
    {
        var nonHttp = NonHttpFunctions();
        Assert.NotEmpty(nonHttp);
        Assert.Equal(nonHttp, CustomHandlerEndpoints().Order().ToList());
    }

    [Fact]
    public void TheHttpFunction_IsOneCatchAllTriggerWithOneHttpOutput_AsForwardingRequires()
    {
        var http = Definitions().Where(d => d.Value.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "httpTrigger")).ToList();
        var (_, definition) = Assert.Single(http);
        var bindings = definition.GetProperty("bindings").EnumerateArray().ToList();
        Assert.Equal(2, bindings.Count);
        Assert.StartsWith("{*path", bindings.Single(b => b.GetProperty("type").GetString() == "httpTrigger").GetProperty("route").GetString());
        Assert.Single(bindings, b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "out");
    }

    [Fact]
    public void HostJson_ConfiguresTheCustomHandlerWithForwarding()
    {
        var host = JsonDocument.Parse(File.ReadAllText(RepoPaths.Root + "/host.json")).RootElement;
        var handler = host.GetProperty("customHandler");
        Assert.Equal("bin/Portal.Functions", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    /// <summary>
    /// The host matches function routes with ASP.NET Core routing (route template, inline constraints, case-insensitive). Here
    /// the HTTP function's route from function.json is the only route, as it is in the host: what it does not match, the host
    /// answers 404 itself and never forwards to the handler.
    /// </summary>
    [Fact]
    public async Task HttpFunctionRoute_DoesNotMatchAnyTriggerFunctionName_SoTheHostNeverForwardsThem()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var host = builder.Build();
        host.Map(HttpRoute(), () => "forwarded");
        await host.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(host.Urls.First()) };

        foreach (var function in NonHttpFunctions())
        foreach (var path in new[] { function, function.ToLowerInvariant(), function.ToUpperInvariant(), $"{function}/", $"{function}?x=1", $"{function}/x" })
        {
            using var response = await client.PostAsync(path, new StringContent("{}"));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"/{path} would be forwarded: {(int)response.StatusCode}");
        }
        foreach (var path in new[] { "", "index.html", "api/health", "api/dossiers/000.00.72.H53-261123-0001/result", "TimerSweeper", "api/TimerSweep", "officer.html" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/{path} is not forwarded: {(int)response.StatusCode}");
        }
        await host.StopAsync();
    }

    [Fact]
    public async Task LocalApp_HasNoTriggerEndpoint_SoAnOutsideRequestGets404()
    {
        using var client = app.Client();
        foreach (var function in NonHttpFunctions())
        {
            using var response = await client.SendAsync(Invocation(function, HostInvocationId));
            await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task UnderTheHost_ARequestWithoutTheHostsInvocationId_OrCarryingTheFrontEndsHeaders_Gets404()
    {
        using var client = underHost.App.Client();
        foreach (var function in NonHttpFunctions())
        {
            await ProblemAssert.IsProblem(await client.SendAsync(Invocation(function)), HttpStatusCode.NotFound);
            foreach (var header in TriggerEndpoints.ForwardedRequestHeaders)
            {
                await ProblemAssert.IsProblem(await client.SendAsync(Invocation(function, HostInvocationId, (header, "203.0.113.7"))), HttpStatusCode.NotFound);
            }
            // A doubled slash does not reach it either.
            await ProblemAssert.IsProblem(await client.SendAsync(Invocation($"{client.BaseAddress}/{function}", HostInvocationId)), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task LocalTriggerHost_FiresTheSweep_OnItsSchedule()
    {
        var lifecycle = new Lifecycle.DossierDriver(app);
        lifecycle.MoveToNextWorkingMorning();
        var code = await lifecycle.ReceivedAsync();
        var appointment = (await lifecycle.StatusAsync(code)).GetProperty("customStatus").GetProperty("appointmentAt").GetDateTimeOffset();

        // The clock passes the warning time; only the local trigger host's periodic tick can run the sweep.
        app.Clock.SetUtcNow(appointment.AddMinutes(-30));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await lifecycle.StatusAsync(code)).GetProperty("customStatus").GetProperty("dueSoon").GetBoolean())
        {
            Assert.True(DateTime.UtcNow < deadline, "the local trigger host did not fire the sweep");
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task TimerInvocation_FromTheHost_InTheCustomHandlerFormat_IsAnsweredInItsFormat()
    {
        using var client = underHost.App.Client();
        var response = await client.SendAsync(Invocation(TriggerEndpoints.TimerSweepFunction, HostInvocationId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Contains("Timer sweep", body.GetProperty("Logs")[0].GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
    }
}
