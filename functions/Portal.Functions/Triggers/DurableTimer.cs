namespace Portal.Functions.Triggers;

/// <summary>What a timer is for; each kind has one <see cref="ITimerHandler"/>.</summary>
public enum TimerKind
{
    /// <summary>Delete an e-Form draft nobody has touched for <see cref="Forms.DraftStore.Lifetime"/>.</summary>
    DraftExpiry,
    /// <summary>A dossier's lifecycle timer (step due, warning, appointment, supplement due, rating).</summary>
    Dossier,
    /// <summary>Make sure a dossier's owed effects were applied (armed before every commit; see OutboxRelay).</summary>
    OutboxRelay,
}

/// <summary>
/// A durable timer: "wake me at <see cref="DueAt"/>". Stored as a row keyed by due time so the sweep reads
/// only what is due. Firing must be idempotent: a timer may fire again after a crash before its row is deleted.
/// </summary>
/// <param name="Id">Stable id: scheduling the same id twice keeps one timer.</param>
/// <param name="Kind">What to do.</param>
/// <param name="DueAt">When.</param>
/// <param name="Target">What it is about (a dossier code, a draft key).</param>
public sealed record DurableTimer(string Id, TimerKind Kind, DateTimeOffset DueAt, string Target);

/// <summary>Does what a timer of one kind is for.</summary>
public interface ITimerHandler
{
    /// <summary>The kind handled.</summary>
    TimerKind Kind { get; }

    /// <summary>Acts on a due timer; may return a timer to schedule instead (to wake again later).</summary>
    Task<DurableTimer?> FireAsync(DurableTimer timer, DateTimeOffset now, CancellationToken ct);
}
