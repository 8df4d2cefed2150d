using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Lifecycle;
using Portal.Functions.Dossiers;
using Portal.Functions.Infrastructure;
using Portal.Functions.Lifecycle;
using Portal.Functions.Triggers;
using Portal.Testing;
using CatalogueModel = Portal.Domain.Catalogue.Catalogue;

namespace Portal.Resilience.Tests;

/// <summary>
/// The relay guard is armed before the commit point and fires after the guard delay. A kill can only hit a window
/// of a few milliseconds where the guard fires before its own commit lands, so the crash test rarely meets it; this
/// test builds that interleaving step by step on the in-process app with a clock it moves (default delay, 2 minutes).
/// </summary>
public sealed class RelayGuardTests(PortalAppFixture app) : IClassFixture<PortalAppFixture>
{
    [Fact]
    public async Task GuardThatFiresBeforeItsCommitLands_StaysArmed_SoACrashRightAfterTheCommitLosesNoMessageTimerOrInboxLine()
    {
        var code = await ReceivedDossierAsync();
        var services = app.Services;
        var store = services.GetRequiredService<DossierStore>();
        var relay = services.GetRequiredService<OutboxRelay>();
        var deadlines = services.GetRequiredService<Deadlines>();
        var catalogue = services.GetRequiredService<CatalogueModel>();

        // What DossierLifecycle.ExecuteAsync does up to its commit point: read, decide, arm the guard...
        var before = (await store.FindAsync(code, default))!;
        var now = app.Clock.GetUtcNow();
        var command = new RequestSupplement { Actor = Officers.Specialist, Role = OfficerRole.Specialist, Reason = "Giấy chứng sinh mờ", Missing = ["Giấy chứng sinh (bản rõ nét)"] };
        var e = DossierDecider.Decide(command, before.Lifecycle, deadlines.ContextFor(catalogue.Find(before.ProcedureCode)!, now)).Events.Single();
        var state = DossierDecider.Evolve(before.Lifecycle, e);
        await services.GetRequiredService<TimerStore>().ScheduleAsync(relay.Guard(code, state.Version, now), default);

        // ...then the commit stalls past the guard delay, and the sweep fires the guard first (nothing to relay yet).
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await SweepAsync();

        // The commit lands, and the process dies before relaying it.
        var owed = EventNarrative.MessagesFor(e, code).Select((m, i) => new OutboxMessage(state.Version, i, code, m.Audience, e.GetType().Name, m.Text)).ToList();
        Assert.NotEmpty(owed);
        await store.CommitChangeAsync(before with { Lifecycle = state }, before.ETag!.Value, [new DossierEvent(state.Version, e, "")], owed, default);

        // The sweeps that follow must still deliver everything the commit owes.
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await SweepAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync();

        Assert.Empty(await store.OutboxAsync(code, default));
        var delivered = await services.GetRequiredService<NotificationLog>().ForDossierAsync(code, default);
        Assert.Contains(delivered, n => n.Id == owed[0].Id && n.Text == owed[0].Text);
        var armed = await services.GetRequiredService<TimerStore>().AllAsync(default);
        var supplementDue = Assert.Single(DossierTimers.Due(state, deadlines.Calendar, deadlines.Settings));
        Assert.Contains(armed, t => t.Target == $"{code}|{supplementDue.Kind}" && t.DueAt == supplementDue.DueAt);
        var line = await app.Azurite.Tables.GetTableClient(StorageNames.InboxTable).GetEntityIfExistsAsync<TableEntity>(before.AgencyCode, InboxProjection.PointerRow(code));
        Assert.True(line.HasValue);
        Assert.Equal(state.Version, line.Value!.GetInt32("Version"));
    }

    [Fact]
    public async Task GuardOfACommitThatNeverHappens_GivesUpAfterTheCommitWindow()
    {
        var code = await ReceivedDossierAsync();
        var relay = app.Services.GetRequiredService<OutboxRelay>();
        var version = (await app.Services.GetRequiredService<DossierStore>().FindAsync(code, default))!.Lifecycle.Version;
        // Armed for a commit that is never made (the process died before its commit point, or the commit lost a race).
        var guard = relay.Guard(code, version + 1, app.Clock.GetUtcNow());
        await app.Services.GetRequiredService<TimerStore>().ScheduleAsync(guard, default);

        var timers = app.Services.GetRequiredService<TimerStore>();
        async Task<int> ArmedAsync() => (await timers.AllAsync(default)).Count(t => t.Id == guard.Id);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await SweepAsync();
        Assert.Equal(1, await ArmedAsync());
        app.Clock.Advance(OutboxRelay.CommitWindow);
        await SweepAsync();
        Assert.Equal(0, await ArmedAsync());
    }

    private async Task<string> ReceivedDossierAsync()
    {
        var code = await app.SubmitBirthRegistrationAsync(Citizens.Lan);
        using var desk = await app.SignedInAsync(Officers.Desk);
        Assert.Equal(HttpStatusCode.Accepted, (await desk.PostAsync($"api/instances/{code}/raiseEvent/Receive", null)).StatusCode);
        return code;
    }

    private Task SweepAsync() => app.RunTimerSweepAsync();
}
