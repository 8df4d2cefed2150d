using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Portal.Resilience.Tests;

/// <summary>
/// The function app as a separate OS process (<c>dotnet Portal.Functions.dll --urls http://127.0.0.1:&lt;port&gt;</c>,
/// run from this test's output folder, where referencing Portal.Testing copied it with its Data/ files), on a fixed
/// port so clients reach every incarnation at the same address. <see cref="Kill"/> is a SIGKILL of the process
/// (no shutdown hooks, no flushing, requests in flight cut); <see cref="StartAsync"/> starts a new incarnation.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly string _connectionString;
    private readonly string _keyFile;
    private readonly Queue<string> _output = new();
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private Process? _process;

    /// <summary>Prepares the app: a free port and a signing key file shared by every incarnation (tokens survive restarts).</summary>
    public AppProcess(string storageConnectionString)
    {
        _connectionString = storageConnectionString;
        _keyFile = Path.Combine(Directory.CreateTempSubdirectory("portal-dev-key-").FullName, "dev-signing-key.pem");
        // Written here, whole, before any incarnation runs: an app killed while creating it could leave half a key.
        using (var rsa = RSA.Create(2048)) File.WriteAllText(_keyFile, rsa.ExportRSAPrivateKeyPem());
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        _probe.BaseAddress = BaseAddress;
        // Should the test host end without disposing this, the app must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    /// <summary>The port every incarnation listens on.</summary>
    public int Port { get; }

    /// <summary>Where clients send requests.</summary>
    public Uri BaseAddress { get; }

    /// <summary>How many incarnations were started.</summary>
    public int Starts { get; private set; }

    /// <summary>How many were killed while running.</summary>
    public int Kills { get; private set; }

    /// <summary>Starts an incarnation and returns once it answers <c>GET /api/health</c>.</summary>
    public async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            Launch();
            try
            {
                await WaitReadyAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                // Exited during start (e.g. the port still held a moment after the kill): start again.
                await Task.Delay(300);
            }
        }
    }

    /// <summary>Starts an incarnation without waiting for it to be ready (to kill it while it starts up).</summary>
    public void Launch()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Portal.Functions.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build the test project (it references Portal.Testing).");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "--urls", BaseAddress.ToString().TrimEnd('/') }) start.ArgumentList.Add(a);
        start.Environment["Storage__ConnectionString"] = _connectionString;
        start.Environment["Auth__DevSignIn"] = "true";
        start.Environment["Auth__DevSigningKeyFile"] = _keyFile;
        // Every commit arms its safety-net relay due at once, so the sweeps of this test fire it.
        start.Environment["Lifecycle__RelayGuardDelay"] = "00:00:00";
        // The Functions host's role: only this test's POST /TimerSweep calls fire timers.
        start.Environment["Triggers__LocalHost"] = "false";
        // As under the Functions host (which sets the port): the timer function's endpoint exists only there.
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The development sign-in runs only in Development (it is refused at start-up anywhere else).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
    }

    /// <summary>SIGKILL of the running incarnation (on Linux <c>Process.Kill</c> sends SIGKILL); waits until it is gone.</summary>
    public void Kill()
    {
        var process = _process ?? throw new InvalidOperationException("Not running.");
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            Kills++;
        }
        process.WaitForExit();
        process.Dispose();
        _process = null;
    }

    /// <summary>Whether an incarnation is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last lines the app wrote (for failure messages).</summary>
    public string RecentOutput()
    {
        lock (_output) return string.Join('\n', _output);
    }

    /// <summary>Kills whatever runs and deletes the key file.</summary>
    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (_process is { } p)
        {
            try
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
                p.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            p.Dispose();
            _process = null;
        }
        _probe.Dispose();
        try
        {
            Directory.Delete(Path.GetDirectoryName(_keyFile)!, recursive: true);
        }
        catch (IOException)
        {
            // Temporary folder; the OS cleans it eventually.
        }
    }

    private async Task WaitReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadyTimeout)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"The app exited while starting:\n{RecentOutput()}");
            }
            try
            {
                using var response = await _probe.GetAsync("api/health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(25);
        }
        throw new TimeoutException($"The app did not answer within {ReadyTimeout.TotalSeconds} s:\n{RecentOutput()}");
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 200) _output.Dequeue();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"app on port {Port}: {Starts} starts, {Kills} kills");
}
