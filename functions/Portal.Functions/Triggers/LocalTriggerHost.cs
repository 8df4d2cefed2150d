using Microsoft.Extensions.Options;

namespace Portal.Functions.Triggers;

/// <summary>
/// Locally there is no Functions host, so this service fires the same handler the timer function calls in
/// Azure, on the same schedule, using <see cref="TimeProvider"/> so tests can drive it with their own clock.
/// </summary>
public sealed class LocalTriggerHost(IOptions<TimerOptions> options, TimeProvider time, IServiceScopeFactory scopes,
    ILogger<LocalTriggerHost> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.LocalHost) return;
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<TimerSweep>().RunAsync(stoppingToken);
                if (result.Fired > 0) logger.LogInformation("Local timer sweep fired {Count} timers", result.Fired);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed sweep leaves its timers in place; the next tick retries them.
                logger.LogError(e, "Local timer sweep failed");
            }
        }
    }
}
