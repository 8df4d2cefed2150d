using Portal.Domain.Lifecycle;
using Portal.Functions.Triggers;

namespace Portal.Functions.Lifecycle;

/// <summary>Fires a dossier's lifecycle timer as a command from the system; a stale timer changes nothing.</summary>
public sealed class DossierTimerHandler(IServiceProvider services) : ITimerHandler
{
    /// <inheritdoc />
    public TimerKind Kind => TimerKind.Dossier;

    /// <inheritdoc />
    public async Task<DurableTimer?> FireAsync(DurableTimer timer, DateTimeOffset now, CancellationToken ct)
    {
        var parts = timer.Target.Split('|');
        var command = new FireTimer { Actor = "system", Role = OfficerRole.System, Kind = Enum.Parse<DossierTimerKind>(parts[1]), DueAt = timer.DueAt };
        await services.GetRequiredService<DossierLifecycle>().ExecuteAsync(parts[0], command, null, ct);
        return null;
    }
}

/// <summary>The safety net: relays whatever a dossier still owes.</summary>
public sealed class OutboxRelayHandler(OutboxRelay relay) : ITimerHandler
{
    /// <inheritdoc />
    public TimerKind Kind => TimerKind.OutboxRelay;

    /// <inheritdoc />
    public Task<DurableTimer?> FireAsync(DurableTimer timer, DateTimeOffset now, CancellationToken ct) => relay.FireGuardAsync(timer, now, ct);
}
