using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Portal.Testing;

namespace Portal.Benchmarks;

/// <summary>
/// Officer events through HTTP (POST /api/instances/{code}/raiseEvent/{event}) on the in-process app over an
/// Azurite kept in memory: each dossier is received by the desk and forwarded by the specialist; events/s and
/// latency percentiles, first one client on an idle app (the latency an officer sees), then 4 clients.
/// </summary>
public static class OfficerEventsBenchmark
{
    /// <summary>Runs the benchmark and prints the numbers.</summary>
    public static async Task RunAsync()
    {
        Console.WriteLine($"Officer events benchmark: Azurite in memory, .NET {Environment.Version}, {Environment.ProcessorCount} cores");
        var app = new PortalAppFixture { Azurite = new AzuriteFixture { InMemory = true } };
        await app.InitializeAsync();
        try
        {
            var desk = await app.TokenAsync(Officers.Desk);
            var specialist = await app.TokenAsync(Officers.Specialist);
            using var http = app.Client();
            async Task<double> RaiseAsync(string token, string code, string name, object? body)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"api/instances/{code}/raiseEvent/{name}")
                {
                    Content = body is null ? null : JsonContent.Create(body),
                };
                request.Headers.Authorization = new("Bearer", token);
                var clock = Stopwatch.StartNew();
                using var response = await http.SendAsync(request);
                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted))
                {
                    throw new InvalidOperationException($"{name} {code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                return elapsed;
            }
            async Task<List<double>> DriveAsync(IReadOnlyList<string> codes, int clients)
            {
                var latencies = new List<double>();
                var next = -1;
                await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < codes.Count)
                    {
                        var a = await RaiseAsync(desk, codes[i], "Receive", null);
                        var b = await RaiseAsync(specialist, codes[i], "Forward", new { reason = "Đủ điều kiện" });
                        lock (latencies) latencies.AddRange([a, b]);
                    }
                }));
                return latencies;
            }

            var warm = await SubmitManyAsync(app, 5);
            await DriveAsync(warm, 1);
            var idle = await SubmitManyAsync(app, 30);
            await Task.Delay(2000);
            var clock = Stopwatch.StartNew();
            var one = await DriveAsync(idle, 1);
            var oneRate = one.Count / clock.Elapsed.TotalSeconds;
            var busy = await SubmitManyAsync(app, 100);
            await Task.Delay(2000);
            clock.Restart();
            var four = await DriveAsync(busy, 4);
            var fourRate = four.Count / clock.Elapsed.TotalSeconds;
            Print("officer events, 1 client (idle)", one, oneRate);
            Print("officer events, 4 clients", four, fourRate);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>Prints one line of results.</summary>
    public static void Print(string what, List<double> latencies, double perSecond)
    {
        var sorted = latencies.Order().ToList();
        double P(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-40} {latencies.Count,5} events {perSecond,7:N1} /s  p50 {P(0.50),6:N0} ms  p95 {P(0.95),6:N0} ms  p99 {P(0.99),6:N0} ms"));
    }

    private static async Task<List<string>> SubmitManyAsync(PortalAppFixture app, int count)
    {
        var codes = new List<string>();
        for (var i = 0; i < count; i++) codes.Add(await app.SubmitBirthRegistrationAsync(Citizens.Lan));
        return codes;
    }
}
