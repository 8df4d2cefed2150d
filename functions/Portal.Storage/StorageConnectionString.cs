namespace Portal.Storage;

/// <summary>
/// A parsed storage connection string: account name and key plus the three service endpoints.
/// Supports <c>UseDevelopmentStorage=true</c> (Azurite on its default ports), explicit
/// <c>BlobEndpoint</c>/<c>QueueEndpoint</c>/<c>TableEndpoint</c>, and endpoints derived from
/// <c>DefaultEndpointsProtocol</c> + <c>AccountName</c> + <c>EndpointSuffix</c>.
/// </summary>
internal sealed record StorageConnectionString(string AccountName, string AccountKey, Uri BlobEndpoint, Uri QueueEndpoint, Uri TableEndpoint)
{
    /// <summary>Azurite's development account (from Azurite's README; public, not a secret).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development key (from Azurite's README; public, not a secret).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Parses a connection string, or says which part is missing or unsupported.</summary>
    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split on the first '=' only: base64 keys end in '='.
            var equals = part.IndexOf('=');
            if (equals <= 0) throw new FormatException($"Connection string part '{Redact(part)}' is not 'Name=Value'.");
            settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev) && dev.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return new StorageConnectionString(DevelopmentAccountName, DevelopmentAccountKey,
                new Uri($"http://127.0.0.1:10000/{DevelopmentAccountName}"),
                new Uri($"http://127.0.0.1:10001/{DevelopmentAccountName}"),
                new Uri($"http://127.0.0.1:10002/{DevelopmentAccountName}"));
        }
        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new NotSupportedException("SAS connection strings are not supported: use an account key (Azurite) or managed identity (Azure).");
        }

        var accountName = Required(settings, "AccountName");
        var accountKey = Required(settings, "AccountKey");
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        Uri Endpoint(string setting, string service) => settings.TryGetValue(setting, out var explicitEndpoint)
            ? new Uri(explicitEndpoint)
            : new Uri($"{protocol}://{accountName}.{service}.{suffix}");

        return new StorageConnectionString(accountName, accountKey,
            Endpoint("BlobEndpoint", "blob"), Endpoint("QueueEndpoint", "queue"), Endpoint("TableEndpoint", "table"));
    }

    private static string Required(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The storage connection string has no {name}.");

    private static string Redact(string part) =>
        part.StartsWith("AccountKey", StringComparison.OrdinalIgnoreCase) ? "AccountKey=***" : part;

    /// <summary>Never prints the key.</summary>
    public override string ToString() =>
        $"AccountName={AccountName};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint}";
}
