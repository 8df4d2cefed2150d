using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Functions.Triggers;
using Portal.Testing;

namespace Portal.Functions.Tests.Triggers;

/// <summary>The deploy package's function.json files and the app's endpoints must describe the same functions.</summary>
[Collection(AppCollection.Name)]
public class FunctionDefinitionTests(PortalAppFixture app)
{
    private static readonly string FunctionsFolder = RepoPaths.Root + "/functions/Portal.Functions/Functions";

    private static Dictionary<string, JsonElement> Definitions() => Directory.GetDirectories(FunctionsFolder).ToDictionary(
        d => Path.GetFileName(d), d => JsonDocument.Parse(File.ReadAllText(Path.Combine(d, "function.json"))).RootElement);

    private IReadOnlyList<string> CustomHandlerEndpoints() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<CustomHandlerFunction>() is not null)
        .Select(e => e.Metadata.GetMetadata<CustomHandlerFunction>()!.Name)
        .ToList();

    [Fact]
    public void EveryNonHttpFunction_HasAnEndpoint_AndEveryFunctionEndpoint_HasADefinition()
    {
        var nonHttp = Definitions().Where(d => d.Value.GetProperty("bindings").EnumerateArray()
            .All(b => b.GetProperty("type").GetString() != "httpTrigger")).Select(d => d.Key).Order().ToList();
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
        Assert.Equal("{*path}", bindings.Single(b => b.GetProperty("type").GetString() == "httpTrigger").GetProperty("route").GetString());
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

    [Fact]
    public async Task TimerInvocation_InTheCustomHandlerFormat_IsAnsweredInItsFormat()
    {
        using var client = app.Client();
        var payload = new
        {
            Data = new { timer = new { Schedule = new { AdjustForDST = true }, IsPastDue = false } },
            Metadata = new { sys = new { MethodName = TriggerEndpoints.TimerSweepFunction, UtcNow = DateTime.UtcNow, RandGuid = Guid.NewGuid() } },
        };
        var response = await client.PostAsJsonAsync(TriggerEndpoints.TimerSweepFunction, payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Contains("Timer sweep", body.GetProperty("Logs")[0].GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
    }
}
