using Portal.Domain.Dossiers;
using Portal.Domain.Lifecycle;
using Portal.Functions.Dossiers;
using Portal.Functions.Infrastructure;
using Portal.Functions.Triggers;
using CatalogueModel = Portal.Domain.Catalogue.Catalogue;

namespace Portal.Functions.Lifecycle;

/// <summary>
/// Runs a command against a dossier: read, authorise, decide, then commit state + events + owed messages at
/// one commit point (If-Match on the dossier row), then relay. Two officers acting at once: exactly one wins;
/// the other gets 409 with the current state.
/// </summary>
public sealed class DossierLifecycle(DossierStore dossiers, CatalogueModel catalogue, Deadlines deadlines, TimerStore timers, OutboxRelay relay,
    TimeProvider time)
{
    /// <summary>
    /// Executes a command. <paramref name="authorize"/> may refuse (throw) after reading the dossier;
    /// <paramref name="amend"/> may change the dossier's submitted content in the same commit (supplements).
    /// <paramref name="expectedVersion"/>, when given, must equal the version the caller saw.
    /// </summary>
    public async Task<DossierRecord> ExecuteAsync(string code, DossierCommand command, Action<DossierRecord>? authorize, CancellationToken ct,
        Func<DossierRecord, DossierRecord>? amend = null, int? expectedVersion = null)
    {
        var dossier = await dossiers.FindAsync(code, ct) ?? throw ProblemException.NotFound($"Không có hồ sơ mã '{code}'.");
        authorize?.Invoke(dossier);
        if (expectedVersion is { } v && v != dossier.Lifecycle.Version) throw Stale(dossier);
        var procedure = catalogue.Find(dossier.ProcedureCode) ?? throw new InvalidDataException($"Procedure {dossier.ProcedureCode} left the catalogue.");
        var now = time.GetUtcNow();
        var plan = deadlines.PlanFor(procedure.Code);
        var decision = DossierDecider.Decide(command, dossier.Lifecycle, deadlines.ContextFor(procedure, now));
        if (decision.Error is { } error) throw Refused(error, dossier);
        if (decision.Events.Count == 0) return dossier;

        var state = dossier.Lifecycle;
        var events = new List<DossierEvent>();
        var outbox = new List<OutboxMessage>();
        foreach (var e in decision.Events)
        {
            state = DossierDecider.Evolve(state, e);
            events.Add(new DossierEvent(state.Version, e, EventNarrative.Describe(e, plan)));
            outbox.AddRange(EventNarrative.MessagesFor(e, code).Select((m, i) => new OutboxMessage(state.Version, i, code, m.Audience, e.GetType().Name, m.Text)));
        }
        var changed = (amend?.Invoke(dossier) ?? dossier) with { Lifecycle = state };
        // Arm the safety net before the commit point: if we crash after committing, the sweep relays.
        await timers.ScheduleAsync(relay.Guard(code, state.Version, now), ct);
        Azure.ETag etag;
        try
        {
            etag = await dossiers.CommitChangeAsync(changed, dossier.ETag!.Value, events, outbox, ct);
        }
        catch (WriteConflictException)
        {
            // The dossier row changed since it was read (412), or another commit appended the same event row (409).
            throw Stale(await dossiers.FindAsync(code, ct) ?? dossier);
        }
        await relay.TryRelayAsync(code, ct);
        return changed with { ETag = etag, Lifecycle = DossierStore.Normalize(state) };
    }

    /// <summary>409: the dossier changed since the caller read it.</summary>
    internal static ProblemException Stale(DossierRecord current) => new LifecycleConflict(current,
        $"Hồ sơ vừa được thay đổi (phiên bản hiện tại {current.Lifecycle.Version}, trạng thái \"{DossierStatuses.Of(current.Status).Vietnamese}\"). Tải lại rồi thao tác lại.");

    /// <summary>The problem a decider refusal is answered with (409 not now, 403 wrong role, 400 invalid).</summary>
    internal static ProblemException Refused(DecisionError error, DossierRecord current) => error.Kind switch
    {
        DecisionErrorKind.NotAllowedNow => new LifecycleConflict(current, error.Message),
        DecisionErrorKind.WrongRole => ProblemException.Forbidden(error.Message),
        _ => ProblemException.Invalid(error.Field ?? "command", error.Message),
    };
}

/// <summary>409 carrying the dossier's current state, so the caller can show it without another request.</summary>
public sealed class LifecycleConflict(DossierRecord current, string detail) : ProblemException(StatusCodes.Status409Conflict, "Xung đột (conflict)", detail)
{
    /// <summary>The dossier as it is now.</summary>
    public DossierRecord Current { get; } = current;
}
