namespace Portal.Functions.Triggers;

/// <summary>How a sweep went.</summary>
/// <param name="Fired">Timers handled and removed.</param>
/// <param name="Failed">Timers whose handler failed; they stay and fire again next sweep.</param>
public sealed record SweepResult(int Fired, int Failed);

/// <summary>
/// The body of the timer function: fire every due timer, then delete it. A crash between the two fires the
/// timer again next time, which is why handlers are idempotent.
/// </summary>
public sealed class TimerSweep(TimerStore timers, IEnumerable<ITimerHandler> handlers, TimeProvider time, ILogger<TimerSweep> logger)
{
    /// <summary>Most timers handled per sweep (the rest wait one more minute).</summary>
    public const int BatchSize = 500;

    private readonly Dictionary<TimerKind, ITimerHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    /// <summary>Runs one sweep at the current time.</summary>
    public async Task<SweepResult> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        int fired = 0, failed = 0;
        foreach (var due in await timers.DueAsync(now, BatchSize, ct))
        {
            var timer = due.Timer;
            try
            {
                var next = await _handlers[timer.Kind].FireAsync(timer, now, ct);
                if (next is not null) await timers.ScheduleAsync(next, ct);
                await timers.CompleteAsync(due, ct);
                fired++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Timer {Kind} {Id} failed; it will fire again next sweep", timer.Kind, timer.Id);
                failed++;
            }
        }
        return new SweepResult(fired, failed);
    }
}
