using System.Globalization;
using Portal.Domain.Lifecycle;
using Portal.Functions.Dossiers;
using Portal.Functions.Triggers;

namespace Portal.Functions.Lifecycle;

/// <summary>
/// Applies what a committed change owes, idempotently and at least once: arms the timers the state wants,
/// refreshes the projections (inbox line, the applicant's list), delivers the outbox messages and deletes them. It reads the current state, so
/// running it twice, late, or out of order is harmless. Every commit first arms an
/// <see cref="TimerKind.OutboxRelay"/> timer, so a crash between the commit and the relay is repaired by the
/// next sweep: no acknowledged change ever loses its timers or its messages.
/// </summary>
public sealed class OutboxRelay(DossierStore dossiers, TimerStore timers, DossierProjections projections, IMessagePublisher publisher,
    Dossiers.Deadlines deadlines, TimeProvider time, IConfiguration configuration, ILogger<OutboxRelay> logger)
{
    /// <summary>Setting: how long after a commit the safety-net relay fires (default two minutes).</summary>
    public const string GuardDelaySetting = "Lifecycle:RelayGuardDelay";

    private readonly TimeSpan _guardDelay = configuration.GetValue(GuardDelaySetting, TimeSpan.FromMinutes(2));

    /// <summary>How long a guard waits for its commit to land before concluding it never will (crash before the commit point, lost race).</summary>
    public static readonly TimeSpan CommitWindow = TimeSpan.FromMinutes(15);

    /// <summary>How soon a guard that fired before its commit landed looks again.</summary>
    public static readonly TimeSpan RecheckDelay = TimeSpan.FromSeconds(30);

    /// <summary>The timer armed before a commit of version <paramref name="version"/> (target: code|version|armed-at ticks).</summary>
    public DurableTimer Guard(string code, int version, DateTimeOffset now) =>
        new($"relay-{code}-{version:D6}", TimerKind.OutboxRelay, now + _guardDelay, $"{code}|{version}|{now.UtcTicks}");

    /// <summary>
    /// Fires a guard: relays the dossier. The guard is armed before its commit, so it can fire before the commit
    /// lands (the commit stalled past the guard delay, or the delay is zero): it must not be spent then, or a crash
    /// right after the commit would leave the commit's messages, timers and inbox line unapplied. So while the
    /// dossier has not reached the guard's version, the guard is re-armed, until <see cref="CommitWindow"/> after it
    /// was armed (the commit then never happened).
    /// </summary>
    /// <returns>The guard re-armed, or null when it is done.</returns>
    public async Task<DurableTimer?> FireGuardAsync(DurableTimer guard, DateTimeOffset now, CancellationToken ct)
    {
        var parts = guard.Target.Split('|');
        var relayed = await RelayAsync(parts[0], ct);
        if (parts.Length < 3 || relayed >= int.Parse(parts[1], CultureInfo.InvariantCulture)) return null;
        var armedAt = new DateTimeOffset(long.Parse(parts[2], CultureInfo.InvariantCulture), TimeSpan.Zero);
        return now - armedAt < CommitWindow ? guard with { DueAt = now + RecheckDelay } : null;
    }

    /// <summary>The storage timer for a lifecycle timer of a dossier.</summary>
    public static DurableTimer ForDossier(string code, DossierTimer t) =>
        new($"{code}-{t.Kind}-{t.DueAt.UtcTicks}", TimerKind.Dossier, t.DueAt, $"{code}|{t.Kind}");

    /// <summary>Relays right after a commit; a failure is logged and left to the guard timer.</summary>
    public async Task TryRelayAsync(string code, CancellationToken ct)
    {
        try
        {
            await RelayAsync(code, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Relay of {Code} failed; the guard timer will retry", code);
        }
    }

    /// <summary>Relays everything a dossier owes; returns the version relayed (0 when the dossier does not exist).</summary>
    public async Task<int> RelayAsync(string code, CancellationToken ct)
    {
        var dossier = await dossiers.FindAsync(code, ct);
        if (dossier is null) return 0;
        foreach (var t in DossierTimers.Due(dossier.Lifecycle, deadlines.Calendar, deadlines.Settings)) await timers.ScheduleAsync(ForDossier(code, t), ct);
        await projections.ProjectAsync(dossier, deadlines.PlanFor(dossier.ProcedureCode), ct);
        foreach (var (rowKey, message) in await dossiers.OutboxAsync(code, ct))
        {
            await publisher.PublishAsync(message, time.GetUtcNow(), ct);
            await dossiers.DeleteOutboxAsync(code, rowKey, ct);
        }
        return dossier.Lifecycle.Version;
    }
}
