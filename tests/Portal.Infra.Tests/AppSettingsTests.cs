using Xunit.Abstractions;
using System.Reflection;
using Portal.Functions.Dossiers;
using Portal.Functions.Identity;
using Portal.Functions.Infrastructure;
using Portal.Functions.Lifecycle;
using Portal.Functions.Telemetry;
using Portal.Functions.Triggers;

namespace Portal.Infra.Tests;

/// <summary>
/// The function app's settings in Bicep and the settings its code reads are the same set, both ways, apart from the
/// exceptions listed here with their reasons.
/// </summary>
public sealed class AppSettingsTests(ITestOutputHelper output)
{
    private static readonly SettingsCollector Code = SettingsCollector.Scan(Repo.FunctionsApp);

    /// <summary>Read by the code, and must never be set in Azure.</summary>
    public static readonly IReadOnlyDictionary<string, string> NeverInAzure = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage:ConnectionString"] = "Azurite's connection string, local only; in Azure the endpoints and the managed identity (a connection string would carry a key)",
        ["Auth:DevSignIn"] = "the development issuer signs tokens for anyone; refused outside Development",
        ["Auth:DevSigningKeyFile"] = "key file of the development issuer",
        ["Auth:DevTokenLifetime"] = "lifetime of development tokens",
        ["Auth:Citizens:RequireHttpsMetadata"] = "only a test's loopback provider turns HTTPS metadata off",
        ["Auth:Officers:RequireHttpsMetadata"] = "only a test's loopback provider turns HTTPS metadata off",
        ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "set by the Functions host when it starts the handler",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "no OTLP collector in Azure: telemetry goes to Application Insights",
        ["Portal:WebRoot"] = "the package carries the site in bin/wwwroot, found without a setting",
        ["Triggers:SweepInterval"] = "local trigger host only; in Azure the host fires TimerSweep on its function.json schedule",
    };

    /// <summary>Read by the code, optional in Azure: neither required nor forbidden.</summary>
    public static readonly IReadOnlyDictionary<string, string> Optional = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Auth:Citizens:MetadataAddress"] = "alternative to Authority for a provider whose metadata is elsewhere; VNeID is configured by Authority",
        ["Auth:Officers:MetadataAddress"] = "alternative to Authority; Entra ID's metadata is under its authority",
        ["Auth:Citizens:RolesClaim"] = "officer-only claim on the shared IssuerOptions type",
        ["Auth:Citizens:AgencyClaim"] = "officer-only claim on the shared IssuerOptions type",
        ["Auth:Officers:IdNumberClaim"] = "citizen-only claim on the shared IssuerOptions type",
    };

    /// <summary>Set in Bicep, read by the Functions host or the framework, not by our code.</summary>
    public static readonly IReadOnlyDictionary<string, string> HostAndFramework = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage__accountName"] = "the Functions host's storage, by identity",
        ["AzureWebJobsStorage__credential"] = "the Functions host's storage, by identity",
        ["AzureWebJobsStorage__clientId"] = "the Functions host's storage: the user-assigned identity",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "the Functions host's telemetry with Entra ID",
        ["ASPNETCORE_ENVIRONMENT"] = "read by the ASP.NET Core host builder; Production keeps the development sign-in off",
    };

    /// <summary>Set in Bicep ahead of the code that will read them (parallel work).</summary>
    public static readonly IReadOnlyDictionary<string, string> Pending = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["DurableTask__TaskHubName"] = "Durable Task engine (issue 7): task hub name in the app's storage account",
        ["DurableTask__PartitionCount"] = "Durable Task engine (issue 7): 4 control-queue partitions",
        ["ServiceBus__fullyQualifiedNamespace"] = "Service Bus messaging: the namespace, for ServiceBusClient and serviceBusTrigger bindings (connection \"ServiceBus\")",
        ["ServiceBus__credential"] = "Service Bus messaging: identity-based connection",
        ["ServiceBus__clientId"] = "Service Bus messaging: the user-assigned identity",
    };

    /// <summary>Settings Flex Consumption deprecates or that would bring keys back; never set.</summary>
    public static readonly IReadOnlyList<string> Forbidden =
    [
        "FUNCTIONS_WORKER_RUNTIME", // Flex takes functionAppConfig.runtime.name ('custom') instead
        "FUNCTIONS_EXTENSION_VERSION",
        "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTSHARE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
        "AzureWebJobsStorage", // a connection string (with a key); the host uses __accountName + identity
        "Storage__ConnectionString",
        "Auth__DevSignIn",
    ];

    private static IReadOnlyDictionary<string, string> Bicep => BicepAppSettings.Values;

    [Fact]
    public void TheCollectorResolvesEveryReadItFinds()
    {
        foreach (var read in Code.Reads.OrderBy(r => r.Key, StringComparer.Ordinal)) output.WriteLine($"{read.AppSetting}  <- {read.Source}");
        Assert.True(Code.Unresolved.Count == 0, "unresolved configuration reads:\n" + string.Join("\n", Code.Unresolved));
        Assert.True(Code.Keys.Count >= 30, $"only {Code.Keys.Count} keys found: the collector is missing reads");
    }

    [Fact]
    public void TheCollectorFindsWhatTheCompiledAppDeclares()
    {
        // The source scan agrees with the compiled types: every bound options property and every setting constant.
        var expected = new List<string>();
        expected.AddRange(OptionKeys(AuthOptions.Section, typeof(AuthOptions)));
        expected.AddRange(OptionKeys(TimerOptions.Section, typeof(TimerOptions)));
        expected.AddRange(OptionKeys(TrackingRateLimitOptions.Section, typeof(TrackingRateLimitOptions)));
        expected.AddRange([StorageConfiguration.ConnectionString, StorageConfiguration.BlobEndpoint, StorageConfiguration.QueueEndpoint,
            StorageConfiguration.TableEndpoint, StorageConfiguration.ManagedIdentityClientId]);
        expected.AddRange([TelemetryExtensions.OtlpEndpointSetting, TelemetryExtensions.AzureMonitorSetting, OutboxRelay.GuardDelaySetting]);

        var missing = expected.Where(k => !Code.Keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "the source scan missed: " + string.Join(", ", missing));
    }

    [Fact]
    public void EverySettingTheCodeReadsIsSetInAzureUnlessListedWithAReason()
    {
        var missing = Code.Keys
            .Where(k => !NeverInAzure.ContainsKey(k) && !Optional.ContainsKey(k))
            .Where(k => !Bicep.ContainsKey(ToAppSetting(k)))
            .Select(k => $"{ToAppSetting(k)} ({string.Join("; ", Code.Reads.Where(r => r.Key == k).Select(r => r.Source).Distinct())})")
            .ToList();

        Assert.True(missing.Count == 0, "read by the code but not set in infra/bicep/modules/function-app.bicep:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EverySettingInAzureIsReadByTheCodeOrListedWithAReason()
    {
        var codeSettings = Code.Keys.Select(ToAppSetting).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unread = Bicep.Keys
            .Where(k => !codeSettings.Contains(k) && !HostAndFramework.ContainsKey(k) && !Pending.ContainsKey(k))
            .ToList();

        Assert.True(unread.Count == 0, "set in Bicep but read by nothing: " + string.Join(", ", unread));
    }

    [Fact]
    public void TheExceptionListsStayHonest()
    {
        // Every listed exception is still what it says: a read the code makes, or a setting the code does not read.
        Assert.All(NeverInAzure.Keys.Concat(Optional.Keys), k => Assert.True(Code.Keys.Contains(k), $"{k} is listed but the code no longer reads it"));
        var codeSettings = Code.Keys.Select(ToAppSetting).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(HostAndFramework.Keys, k => Assert.False(codeSettings.Contains(k), $"{k} is read by the code now: remove it from the host list"));
        Assert.All(Pending.Keys, k => Assert.False(codeSettings.Contains(k), $"{k} is read by the code now: it is no longer pending"));
        Assert.All(HostAndFramework.Keys.Concat(Pending.Keys), k => Assert.True(Bicep.ContainsKey(k), $"{k} is listed but not set"));
    }

    [Fact]
    public void SettingsThatMustNeverBeInAzureAreNotSet()
    {
        var set = NeverInAzure.Keys.Select(ToAppSetting).Concat(Forbidden).Where(Bicep.ContainsKey).ToList();

        Assert.True(set.Count == 0, "must not be set in Azure: " + string.Join(", ", set));
    }

    [Fact]
    public void TheAppRunsOutsideDevelopmentWithItsLocalTriggerHostOff()
    {
        Assert.Equal("Production", Bicep["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("false", Bicep["Triggers__LocalHost"]);
        Assert.Equal("managedidentity", Bicep["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", Bicep["Storage__ManagedIdentityClientId"]);
        Assert.Equal("[parameters('identityClientId')]", Bicep["AzureWebJobsStorage__clientId"]);
    }

    [Fact]
    public void IdentityProvidersComeFromParameters()
    {
        foreach (var (who, parameter) in new[] { ("Citizens", "citizens"), ("Officers", "officers") })
        {
            foreach (var field in new[] { "Authority", "Issuer", "Audience" })
            {
                Assert.Equal($"[parameters('{parameter}').{char.ToLowerInvariant(field[0])}{field[1..]}]", Bicep[$"Auth__{who}__{field}"]);
            }
        }
    }

    [Fact]
    public void TheDurableTaskPlaceholdersNameATaskHubWithFourPartitions()
    {
        Assert.Equal("[parameters('durableTask').taskHubName]", Bicep["DurableTask__TaskHubName"]);
        var defaults = ArmTemplate.Main.Root["parameters"]!["durableTask"]!["defaultValue"]!;
        Assert.Equal(4, defaults["partitionCount"]!.GetValue<int>());
        Assert.Equal("PortalLifecycle", defaults["taskHubName"]!.GetValue<string>());
    }

    private static string ToAppSetting(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private static IEnumerable<string> OptionKeys(string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{prefix}:{property.Name}";
            if (property.PropertyType.IsClass && property.PropertyType != typeof(string) && property.PropertyType.Namespace?.StartsWith("Portal", StringComparison.Ordinal) == true)
            {
                foreach (var nested in OptionKeys(key, property.PropertyType)) yield return nested;
            }
            else yield return key;
        }
    }
}

/// <summary>The app settings of the function app as compiled: the one Microsoft.Web/sites/config 'appsettings' resource.</summary>
public static class BicepAppSettings
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Settings = new(() =>
    {
        var config = Assert.Single(ArmTemplate.Main.OfType("Microsoft.Web/sites/config"), r => r.Name.Contains("'appsettings'", StringComparison.Ordinal));
        return config.Properties.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
    });

    /// <summary>Setting name to its compiled value (a literal or an ARM expression).</summary>
    public static IReadOnlyDictionary<string, string> Values => Settings.Value;
}
