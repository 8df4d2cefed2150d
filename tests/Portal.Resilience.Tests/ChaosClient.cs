using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Portal.Resilience.Tests;

/// <summary>What the clients saw during a run.</summary>
public sealed class ChaosStats
{
    private int _submissions, _acknowledged, _acknowledgedAfterRetry, _confirmedBy409, _unknownAttempts, _retriedActions, _staleRedo, _sweeps;
    private readonly List<string> _serverErrors = [];
    private readonly List<string> _anomalies = [];

    /// <summary>Dossiers submitted (201 received).</summary>
    public int Submissions => _submissions;
    /// <summary>Actions answered 2xx.</summary>
    public int Acknowledged => _acknowledged;
    /// <summary>Of those, answered 2xx only after a request that got no answer.</summary>
    public int AcknowledgedAfterRetry => _acknowledgedAfterRetry;
    /// <summary>Actions whose request got no answer, then 409 on retry, and whose event was found in the history: applied before the crash.</summary>
    public int ConfirmedBy409 => _confirmedBy409;
    /// <summary>Requests (any kind) that got no answer (connection refused/reset while the app was down or being killed).</summary>
    public int UnknownAttempts => _unknownAttempts;
    /// <summary>Actions that had at least one unanswered request.</summary>
    public int RetriedActions => _retriedActions;
    /// <summary>Actions redone after a 409 caused by something else (a timer event moved the version).</summary>
    public int StaleRedo => _staleRedo;
    /// <summary>Timer sweeps answered.</summary>
    public int Sweeps => _sweeps;
    /// <summary>Every 5xx answer (a crash must never produce one).</summary>
    public IReadOnlyList<string> ServerErrors { get { lock (_serverErrors) return [.. _serverErrors]; } }
    /// <summary>Answers that contradict the contract (e.g. a 409 for an action applied by that very request).</summary>
    public IReadOnlyList<string> Anomalies { get { lock (_anomalies) return [.. _anomalies]; } }

    internal void Submitted() => Interlocked.Increment(ref _submissions);
    internal void Acked(bool afterRetry)
    {
        Interlocked.Increment(ref _acknowledged);
        if (afterRetry) Interlocked.Increment(ref _acknowledgedAfterRetry);
    }
    internal void Confirmed409() => Interlocked.Increment(ref _confirmedBy409);
    internal void Unknown() => Interlocked.Increment(ref _unknownAttempts);
    internal void Retried() => Interlocked.Increment(ref _retriedActions);
    internal void Stale() => Interlocked.Increment(ref _staleRedo);
    internal void Swept() => Interlocked.Increment(ref _sweeps);
    internal void ServerError(string what) { lock (_serverErrors) _serverErrors.Add(what); }
    internal void Anomaly(string what) { lock (_anomalies) _anomalies.Add(what); }
}

/// <summary>
/// HTTP as a client of a crashing app sees it: a request either gets an answer (status + body) or none at all
/// (connection refused or reset because the app was killed); one with no answer is sent again until it gets one.
/// </summary>
public sealed class ChaosClient(Uri baseAddress, ChaosStats stats) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>An answered request: its status and body, and whether an earlier attempt got no answer.</summary>
    public sealed record Answer(HttpStatusCode Status, string Body, bool Retried)
    {
        /// <summary>2xx.</summary>
        public bool Ok => (int)Status is >= 200 and < 300;
        /// <summary>The JSON body.</summary>
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }

    /// <summary>Sends until answered; <paramref name="make"/> builds a fresh request for each attempt.</summary>
    public async Task<Answer> SendAsync(Func<HttpRequestMessage> make, CancellationToken ct = default)
    {
        var retried = false;
        for (var attempt = 1; ; attempt++)
        {
            using var request = make();
            try
            {
                // The body is read inside SendAsync (ResponseContentRead): a response cut mid-body counts as no answer.
                using var response = await _http.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if ((int)response.StatusCode >= 500)
                {
                    stats.ServerError($"{request.Method} {request.RequestUri} -> {(int)response.StatusCode}: {body}");
                }
                return new Answer(response.StatusCode, body, retried);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or IOException or TaskCanceledException)
            {
                stats.Unknown();
                retried = true;
                if (attempt > 2000) throw new TimeoutException($"{request.Method} {request.RequestUri}: no answer after {attempt} attempts", e);
                await Task.Delay(50, ct);
            }
        }
    }

    /// <summary>A development token (the signing key is shared by every incarnation, so it stays valid across restarts).</summary>
    public async Task<string> TokenAsync(string subject)
    {
        var answer = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "api/auth/dev/token") { Content = JsonContent.Create(new { subject }) });
        Assert.True(answer.Ok, $"token for {subject}: {(int)answer.Status} {answer.Body}");
        return answer.Json.GetProperty("access_token").GetString()!;
    }

    /// <summary>A request with a bearer token.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>Runs one timer sweep as the Functions host would; returns (fired, failed) from its log line.</summary>
    public async Task<(int Fired, int Failed)> SweepAsync(CancellationToken ct = default)
    {
        var answer = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "TimerSweep")
        {
            Content = JsonContent.Create(new { Data = new { timer = new { IsPastDue = false } }, Metadata = new { } }),
            Headers = { { "X-Azure-Functions-InvocationId", Guid.NewGuid().ToString() } },
        }, ct);
        Assert.True(answer.Ok, $"TimerSweep: {(int)answer.Status} {answer.Body}");
        stats.Swept();
        // "Timer sweep: 3 fired, 0 failed."
        var words = answer.Json.GetProperty("Logs")[0].GetString()!.Split(' ');
        return (int.Parse(words[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(words[4], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
