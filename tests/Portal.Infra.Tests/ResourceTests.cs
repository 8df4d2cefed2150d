using System.Text.Json.Nodes;
using Portal.Functions.Infrastructure;

namespace Portal.Infra.Tests;

/// <summary>The compiled template declares what the app and the design need, configured as the design says.</summary>
public sealed class ResourceTests
{
    private static readonly ArmTemplate Template = ArmTemplate.Main;

    [Fact]
    public void DeploysAtSubscriptionScopeIntoOneResourceGroup()
    {
        Assert.Contains("subscriptionDeploymentTemplate.json", Template.Root["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
        Template.Single("Microsoft.Resources/resourceGroups");
    }

    [Fact]
    public void TheStorageAccountTakesNoKeysAndNoAnonymousReadsAndKeepsDeletedData()
    {
        var account = Template.Single("Microsoft.Storage/storageAccounts").Properties;
        Assert.False(account["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(account["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", account["minimumTlsVersion"]!.GetValue<string>());
        Assert.True(account["supportsHttpsTrafficOnly"]!.GetValue<bool>());

        var blobs = Template.Single("Microsoft.Storage/storageAccounts/blobServices").Properties;
        Assert.True(blobs["isVersioningEnabled"]!.GetValue<bool>());
        Assert.True(blobs["deleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
        Assert.True(blobs["containerDeleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
        Assert.True(blobs["changeFeed"]!["enabled"]!.GetValue<bool>());
        Assert.True(blobs["restorePolicy"]!["enabled"]!.GetValue<bool>());
        Assert.All(Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => Assert.Equal("None", c.Properties["publicAccess"]!.GetValue<string>()));
    }

    [Fact]
    public void TheTablesAreTheAppsTables()
    {
        Assert.Equal(StorageNames.Tables.Order(), Template.StringArrayVariable("tableNames").Order());
        Assert.Contains("[variables('tableNames')]", Template.Resources.Where(r => r.Type == "Microsoft.Resources/deployments")
            .Select(r => r.Node["properties"]?["parameters"]?["tableNames"]?["value"]?.GetValue<string>()));
    }

    [Fact]
    public void TheContainersAreTheAppsContainersAndTheDeploymentContainer()
    {
        Assert.Equal(StorageNames.Containers.Order(), Template.StringArrayVariable("appContainerNames").Order());
        var containers = Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal(2, containers.Count);
        Assert.Contains("app-package-", Template.Root["variables"]!["deploymentContainerName"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceBusHasTheTopicsAndSubscriptionsWithDeadLetteringAndNoKeys()
    {
        var ns = Template.Single("Microsoft.ServiceBus/namespaces");
        Assert.Equal("Standard", ns.Node["sku"]!["name"]!.GetValue<string>());
        Assert.True(ns.Properties["disableLocalAuth"]!.GetValue<bool>());

        var topics = Template.Root["variables"]!["serviceBusTopics"]!.AsArray()
            .ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["subscriptions"]!.AsArray().Select(s => s!.GetValue<string>()).Order().ToList());
        Assert.Equal(["dossier-events", "feedback"], topics.Keys.Order());
        Assert.Equal(["citizen-notifications", "officer-reminders", "statistics"], topics["dossier-events"]);
        Assert.Equal(["agency-routing", "statistics"], topics["feedback"]);

        var subscription = Template.Single("Microsoft.ServiceBus/namespaces/topics/subscriptions");
        Assert.Equal("[length(variables('subscriptions'))]", subscription.Node["copy"]!["count"]!.GetValue<string>());
        Assert.True(subscription.Properties["deadLetteringOnMessageExpiration"]!.GetValue<bool>());
        Assert.Equal("[parameters('maxDeliveryCount')]", subscription.Properties["maxDeliveryCount"]!.GetValue<string>());
    }

    [Fact]
    public void KeyVaultUsesRbacSoftDeleteAndAuditAndProductionPurgeProtection()
    {
        var vault = Template.Single("Microsoft.KeyVault/vaults").Properties;
        Assert.True(vault["enableRbacAuthorization"]!.GetValue<bool>());
        Assert.True(vault["enableSoftDelete"]!.GetValue<bool>());
        var audit = Template.Single("Microsoft.Insights/diagnosticSettings");
        Assert.Equal("audit", audit.Properties["logs"]![0]!["categoryGroup"]!.GetValue<string>());
        Assert.Equal("[parameters('logAnalyticsWorkspaceId')]", audit.Properties["workspaceId"]!.GetValue<string>());

        var prod = ParameterValues("main.prod.bicepparam");
        var dev = ParameterValues("main.dev.bicepparam");
        Assert.True(prod["keyVaultPurgeProtection"]!.GetValue<bool>());
        Assert.False(dev["keyVaultPurgeProtection"]!.GetValue<bool>());
    }

    [Fact]
    public void TheIdentityGetsExactlyTheLeastRolesEachOnItsResourceWithStableNames()
    {
        var expected = new Dictionary<string, string>
        {
            ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Storage Blob Data Owner",
            ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Storage Queue Data Contributor",
            ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Storage Table Data Contributor",
            ["69a216fc-b8fb-44d8-bc22-1f3c2cd27a39"] = "Azure Service Bus Data Sender",
            ["4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0"] = "Azure Service Bus Data Receiver",
            ["4633458b-17de-408a-b874-0445c86b69e6"] = "Key Vault Secrets User",
            ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
        };
        var roleVariables = Template.Resources.Where(r => r.Type == "Microsoft.Resources/deployments")
            .Select(r => r.Node["properties"]?["template"]?["variables"]?["roles"]).OfType<JsonObject>().Single();
        Assert.Equal(expected.Keys.Order(), roleVariables.Select(r => r.Value!.GetValue<string>()).Order());

        var assignments = Template.OfType("Microsoft.Authorization/roleAssignments");
        Assert.Equal(4, assignments.Count); // two loops (storage, Service Bus) and two single assignments
        Assert.All(assignments, a =>
        {
            Assert.StartsWith("[guid(", a.Name, StringComparison.Ordinal);
            Assert.Equal("ServicePrincipal", a.Properties["principalType"]!.GetValue<string>());
            Assert.NotNull(a.Node["scope"]);
        });
    }

    [Fact]
    public void TheFunctionAppIsAFlexConsumptionCustomHandlerWithAnAlwaysReadyHttpInstance()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", plan.Node["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("FlexConsumption", plan.Node["sku"]!["tier"]!.GetValue<string>());

        var app = Template.Single("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", app.Node["kind"]!.GetValue<string>());
        Assert.Equal("UserAssigned", app.Node["identity"]!["type"]!.GetValue<string>());
        Assert.True(app.Properties["httpsOnly"]!.GetValue<bool>());
        var config = app.Properties["functionAppConfig"]!;
        Assert.Equal("custom", config["runtime"]!["name"]!.GetValue<string>());
        var storage = config["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", storage["type"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", storage["authentication"]!["type"]!.GetValue<string>());
        var alwaysReady = config["scaleAndConcurrency"]!["alwaysReady"]!.GetValue<string>();
        Assert.Contains("createObject('name', 'http', 'instanceCount', parameters('alwaysReadyHttpInstances'))", alwaysReady, StringComparison.Ordinal);

        Assert.True(ParameterValues("main.dev.bicepparam")["alwaysReadyHttpInstances"]!.GetValue<int>() >= 1);
        Assert.True(ParameterValues("main.prod.bicepparam")["alwaysReadyHttpInstances"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public void TheHostJsonRunsTheHandlerThePackageShips()
    {
        // The deploy package runs bin/Portal.Functions (README "Deploy package"); the runtime above is 'custom'.
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "host.json")))!;
        Assert.Equal("bin/Portal.Functions", host["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>());
        Assert.True(host["customHandler"]!["enableForwardingHttpRequest"]!.GetValue<bool>());
    }

    [Fact]
    public void EveryResourceIsTaggedWithTheEnvironment()
    {
        var tags = Template.Root["variables"]!["tags"]!.AsObject();
        Assert.Equal("[parameters('environmentName')]", tags["azd-env-name"]!.GetValue<string>());

        var untagged = Template.Resources
            .Where(r => !r.Type.StartsWith("Microsoft.Resources/deployments", StringComparison.Ordinal) && r.Type.Count(c => c == '/') == 1)
            .Where(r => r.Node["scope"] is null) // extension resources (role assignments, diagnostic settings) take no tags
            .Where(r => r.Node["tags"] is null)
            .Select(r => r.Type)
            .ToList();
        Assert.True(untagged.Count == 0, $"untagged: {string.Join(", ", untagged)}");
    }

    internal static JsonObject ParameterValues(string file)
    {
        var result = BicepCli.Run(["build-params", Path.Combine(Repo.Bicep, file), "--stdout"], BicepCli.ExampleEnvironment);
        Assert.True(result.ExitCode == 0, result.Diagnostics);
        var parameters = JsonNode.Parse(JsonNode.Parse(result.Output)!["parametersJson"]!.GetValue<string>())!["parameters"]!.AsObject();
        return new JsonObject(parameters.Select(p => KeyValuePair.Create(p.Key, p.Value!["value"]?.DeepClone())));
    }
}
