using Portal.Functions.Triggers;

namespace Portal.Stores.Tests.Triggers;

/// <summary>Durable timers sharded by due hour: scheduled, found when due, completed once.</summary>
[Collection(StoresFixture.CollectionName)]
public sealed class TimerStoreTests(StoresFixture stores)
{
    [Fact]
    public async Task Due_FindsOnlyTimersDueByNow_AndCompleteRemovesThem()
    {
        var timers = stores.Get<TimerStore>();
        var id = Guid.NewGuid().ToString("N")[..8];
        // Far from the app clock's own timers: a day in 2030, so the shards hold only this test's timers.
        var now = new DateTimeOffset(2030, 1, 7, 3, 30, 0, TimeSpan.Zero);
        var due = new DurableTimer($"due-{id}", TimerKind.Dossier, now.AddMinutes(-1), $"due|{id}");
        var later = new DurableTimer($"later-{id}", TimerKind.Dossier, now.AddHours(2), $"later|{id}");
        await timers.ScheduleManyAsync([due, later], default);

        var found = (await timers.DueAsync(now, 10_000, default)).Where(t => t.Timer.Target.EndsWith(id, StringComparison.Ordinal)).ToList();

        Assert.Equal([due], found.Select(f => f.Timer));
        await timers.CompleteAsync(found[0], default);
        await timers.CompleteAsync(found[0], default); // already gone: fine
        Assert.DoesNotContain(await timers.DueAsync(now, 10_000, default), t => t.Timer.Id == due.Id);
        Assert.Contains(await timers.AllAsync(default), t => t.Id == later.Id);
    }

    [Fact]
    public async Task Complete_OfATimerRescheduledSinceItWasRead_KeepsTheNewVersion()
    {
        var timers = stores.Get<TimerStore>();
        var id = Guid.NewGuid().ToString("N")[..8];
        var now = new DateTimeOffset(2030, 1, 8, 3, 30, 0, TimeSpan.Zero);
        var timer = new DurableTimer($"t-{id}", TimerKind.Dossier, now.AddMinutes(-1), $"v1|{id}");
        await timers.ScheduleAsync(timer, default);
        var read = Assert.Single(await timers.DueAsync(now, 10_000, default), t => t.Timer.Id == timer.Id);

        await timers.ScheduleAsync(timer with { Target = $"v2|{id}" }, default);
        await timers.CompleteAsync(read, default);

        Assert.Equal($"v2|{id}", Assert.Single(await timers.DueAsync(now, 10_000, default), t => t.Timer.Id == timer.Id).Timer.Target);
    }
}
