using System.Text.Json.Nodes;

namespace Portal.Infra.Tests;

/// <summary>
/// Every binding in Functions/*/function.json finds what it names in the infrastructure. HTTP and timer bindings
/// name no resource (the HTTP trigger forwards to the handler; a timer needs only the host's own storage, which is
/// AzureWebJobsStorage); a binding type the test does not know fails until it is taught which resource it needs.
/// </summary>
public sealed class FunctionBindingTests
{
    public static TheoryData<string> FunctionFiles() =>
        new(Repo.Files(Path.Combine(Repo.FunctionsApp, "Functions"), "function.json").Select(Repo.Relative));

    [Fact]
    public void TheAppHasItsFunctions()
    {
        var names = Repo.Files(Path.Combine(Repo.FunctionsApp, "Functions"), "function.json")
            .Select(f => Path.GetFileName(Path.GetDirectoryName(f))).Order().ToList();

        Assert.Equal(["Http", "TimerSweep"], names);
    }

    [Theory]
    [MemberData(nameof(FunctionFiles))]
    public void EveryBindingFindsTheResourceItNames(string file)
    {
        var bindings = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, file)))!["bindings"]!.AsArray();
        var settings = BicepAppSettings.Values;
        var template = ArmTemplate.Main;

        Assert.NotEmpty(bindings);
        foreach (var binding in bindings.OfType<JsonObject>())
        {
            var type = binding["type"]!.GetValue<string>();
            switch (type)
            {
                case "httpTrigger":
                    // Forwarded to the handler (host.json enableForwardingHttpRequest); anonymous at the host, the
                    // app does its own JwtBearer sign-in. Names no resource.
                    Assert.Equal("anonymous", binding["authLevel"]!.GetValue<string>());
                    break;
                case "http":
                    Assert.Equal("out", binding["direction"]!.GetValue<string>());
                    break;
                case "timerTrigger":
                    // Names no resource: the host keeps the schedule's state and singleton lock in its own storage.
                    Assert.False(string.IsNullOrWhiteSpace(binding["schedule"]!.GetValue<string>()));
                    Assert.True(settings.ContainsKey("AzureWebJobsStorage__accountName"));
                    break;
                case "serviceBusTrigger":
                    var connection = binding["connection"]?.GetValue<string>() ?? "AzureWebJobsServiceBus";
                    Assert.True(settings.ContainsKey($"{connection}__fullyQualifiedNamespace"), $"{file}: no {connection}__fullyQualifiedNamespace setting");
                    var topics = template.Root["variables"]!["serviceBusTopics"]!.AsArray();
                    var topic = topics.SingleOrDefault(t => t!["name"]!.GetValue<string>() == binding["topicName"]?.GetValue<string>());
                    Assert.True(topic is not null, $"{file}: topic {binding["topicName"]} is not in infra/bicep");
                    Assert.Contains(binding["subscriptionName"]!.GetValue<string>(), topic!["subscriptions"]!.AsArray().Select(s => s!.GetValue<string>()));
                    break;
                default:
                    Assert.Fail($"{file}: binding type '{type}' is not known to this test: add the resource it needs to infra/bicep and a case here.");
                    break;
            }
        }
    }
}
