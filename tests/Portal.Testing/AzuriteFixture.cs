using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Portal.Functions.Infrastructure;
using Xunit;

namespace Portal.Testing;

/// <summary>
/// Starts a private Azurite (Blob, Queue, Table) for a test run: <c>node node_modules/azurite/dist/src/azurite.js</c>
/// from the repository root, on three free loopback ports, with a fresh temporary workspace, and stops it
/// (the whole process tree) when disposed or when the test host exits. Use it as an xUnit class or
/// collection fixture; one instance per test run keeps start-up cost (~1 s) out of each test.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Name for an xUnit collection sharing one Azurite (declare the collection in the test assembly).</summary>
    public const string CollectionName = "Azurite";

    /// <summary>Azurite's development account name.</summary>
    public const string AccountName = "devstoreaccount1";

    // Azurite's well-known development key, published in Azurite's README: not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly List<string> _output = [];
    private Process? _process;
    private string? _workspace;
    private TableServiceClient? _tables;
    private BlobServiceClient? _blobs;
    private QueueServiceClient? _queues;

    /// <summary>
    /// Keep Azurite's data in memory (<c>--inMemoryPersistence</c>) instead of its on-disk store, which slows badly
    /// past ~45 MB of table data: for load tests and benchmarks. Set before <see cref="InitializeAsync"/>.
    /// </summary>
    public bool InMemory { get; init; }

    /// <summary>Blob service port.</summary>
    public int BlobPort { get; private set; }

    /// <summary>Queue service port.</summary>
    public int QueuePort { get; private set; }

    /// <summary>Table service port.</summary>
    public int TablePort { get; private set; }

    /// <summary>Connection string for this Azurite (explicit endpoints, dev account key).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>The Table service of this Azurite.</summary>
    public TableServiceClient Tables => _tables ?? throw NotStarted();

    /// <summary>The Blob service of this Azurite.</summary>
    public BlobServiceClient Blobs => _blobs ?? throw NotStarted();

    /// <summary>The Queue service of this Azurite.</summary>
    public QueueServiceClient Queues => _queues ?? throw NotStarted();

    private static InvalidOperationException NotStarted() => new("Azurite has not been started.");

    /// <summary>Starts Azurite and waits until the three ports accept connections.</summary>
    public async Task InitializeAsync()
    {
        var entry = RepoPaths.Combine("node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(entry))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({entry} is missing). Run `npm ci` in {RepoPaths.Root} (or ./test.sh, which does it).");
        }

        _workspace = Directory.CreateTempSubdirectory("azurite-").FullName;
        (BlobPort, QueuePort, TablePort) = (FreePort(), FreePort(), FreePort());
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            entry, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }
        // Azurite refuses --location together with --inMemoryPersistence.
        foreach (var argument in InMemory ? ["--inMemoryPersistence"] : new[] { "--location", _workspace })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Could not run `node`: install Node.js 20+ and put it on PATH.", e);
        }
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;

        await WaitForPortsAsync().ConfigureAwait(false);
        // Built as the app builds its own (one place: StorageConfiguration), from the connection string.
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection([new(StorageConfiguration.ConnectionString, ConnectionString)]).Build();
        _tables = StorageConfiguration.CreateTableService(settings);
        _blobs = StorageConfiguration.CreateBlobService(settings);
        _queues = StorageConfiguration.CreateQueueService(settings);
    }

    /// <summary>Stops Azurite (the whole process tree) and deletes its workspace.</summary>
    public Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Stop();
        return Task.CompletedTask;
    }

    /// <summary>A name no other test uses: the prefix plus 12 random lowercase hex characters.</summary>
    /// <param name="prefix">Starts with a letter; lowercase letters and digits (valid for tables, containers and queues).</param>
    public static string UniqueName(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Creates a new, uniquely named table.</summary>
    public async Task<TableClient> CreateTableAsync(string prefix = "t")
    {
        var table = Tables.GetTableClient(UniqueName(prefix));
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        return table;
    }

    /// <summary>Creates a new, uniquely named blob container.</summary>
    public async Task<BlobContainerClient> CreateContainerAsync(string prefix = "c")
    {
        var container = Blobs.GetBlobContainerClient(UniqueName(prefix));
        await container.CreateIfNotExistsAsync().ConfigureAwait(false);
        return container;
    }

    /// <summary>Creates a new, uniquely named queue.</summary>
    public async Task<QueueClient> CreateQueueAsync(string prefix = "q")
    {
        var queue = Queues.GetQueueClient(UniqueName(prefix));
        await queue.CreateIfNotExistsAsync().ConfigureAwait(false);
        return queue;
    }

    private async Task WaitForPortsAsync()
    {
        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (_process!.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before listening:\n{RecentOutput()}");
                }
                if (deadline.Elapsed > StartTimeout)
                {
                    Stop();
                    throw new TimeoutException($"Azurite did not listen on port {port} within {StartTimeout.TotalSeconds} s:\n{RecentOutput()}");
                }
                if (await AcceptsAsync(port).ConfigureAwait(false)) break;
                await Task.Delay(50).ConfigureAwait(false);
            }
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private void Stop()
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is not null)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            process.Dispose();
        }
        var workspace = Interlocked.Exchange(ref _workspace, null);
        if (workspace is not null)
        {
            try
            {
                Directory.Delete(workspace, recursive: true);
            }
            catch (IOException)
            {
                // A file may still be held for a moment; the temp folder is cleaned by the OS eventually.
            }
        }
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 50) _output.RemoveAt(0);
        }
    }

    private string RecentOutput()
    {
        lock (_output) return string.Join('\n', _output);
    }
}
