using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Functions.Tests.Lifecycle;

/// <summary>Timers drive what nobody does in time; the test moves the app's clock and runs the timer function.</summary>
[Collection(AppCollection.Name)]
public class DeadlineTimerTests(PortalAppFixture app)
{
    private readonly DossierDriver _lifecycle = new(app);

    [Fact]
    public async Task DossierGoingLate_GetsAnApologyDraftBeforeTheDeadline_ThenIsFlaggedOverdue()
    {
        _lifecycle.MoveToNextWorkingMorning();
        var code = await _lifecycle.ReceivedAsync();
        var received = await _lifecycle.StatusAsync(code);
        var appointment = received.GetProperty("customStatus").GetProperty("appointmentAt").GetDateTimeOffset();

        // Shortly before the appointment, with the dossier still at the specialist: an apology is drafted.
        app.Clock.SetUtcNow(appointment.AddMinutes(-30));
        await _lifecycle.SweepAsync();
        var warned = (await _lifecycle.StatusAsync(code)).GetProperty("customStatus");
        Assert.True(warned.GetProperty("dueSoon").GetBoolean());
        Assert.False(warned.GetProperty("overdue").GetBoolean());
        var apology = warned.GetProperty("apology");
        Assert.Contains("[nêu rõ lý do chậm trễ]", apology.GetProperty("draftText").GetString());
        Assert.True(apology.GetProperty("proposedAppointmentAt").GetDateTimeOffset() > appointment);

        using (var specialist = await app.SignedInAsync(Officers.Specialist))
        {
            var inbox = await DossierDriver.AllPagesAsync(specialist, "api/officer/inbox?pageSize=100");
            var line = inbox.Single(i => i.GetProperty("code").GetString() == code);
            Assert.True(line.GetProperty("dueSoon").GetBoolean());
        }

        // The appointment passes: overdue (late in the index); the head of the agency is told.
        app.Clock.SetUtcNow(appointment.AddMinutes(1));
        await _lifecycle.SweepAsync();
        var late = (await _lifecycle.StatusAsync(code)).GetProperty("customStatus");
        Assert.True(late.GetProperty("overdue").GetBoolean());
        Assert.True(late.GetProperty("late").GetBoolean());
        using var desk = await app.SignedInAsync(Officers.Desk);
        var page = await desk.GetFromJsonAsync<JsonElement>($"api/officer/dossiers/{code}");
        Assert.Contains(page.GetProperty("notifications").EnumerateArray(), n => n.GetProperty("audience").GetString() == "agencyHead");
    }

    [Fact]
    public async Task Extension_SetsANewDateAndSendsTheApology()
    {
        var code = await _lifecycle.ReceivedAsync();
        var extended = await _lifecycle.AcceptedAsync(Officers.Head, code, "Extend", new { reason = "Cần xác minh thông tin nơi sinh", workingDays = 3 });
        Assert.Equal("extended", extended.GetProperty("customStatus").GetProperty("status").GetString());
        using var citizen = await app.SignedInAsync(Citizens.Lan);
        var notifications = await citizen.GetFromJsonAsync<JsonElement>($"api/dossiers/{code}/notifications");
        Assert.Contains(notifications.EnumerateArray(), n => n.GetProperty("text").GetString()!.Contains("xin lỗi") && n.GetProperty("text").GetString()!.Contains("Cần xác minh"));
    }

    [Fact]
    public async Task TimerThatFiresAfterTheDossierMovedOn_DoesNothing()
    {
        var code = await _lifecycle.ReceivedAsync();
        var appointment = (await _lifecycle.StatusAsync(code)).GetProperty("customStatus").GetProperty("appointmentAt").GetDateTimeOffset();
        await _lifecycle.AcceptedAsync(Officers.Specialist, code, "Forward");
        await _lifecycle.AcceptedAsync(Officers.Head, code, "Approve");
        await _lifecycle.IssueResultAsync(code, SampleDossiers.Pdf("ket qua"));
        var before = (await _lifecycle.StatusAsync(code)).GetProperty("historyEvents").GetArrayLength();
        app.Clock.SetUtcNow(appointment.AddMinutes(5));
        await _lifecycle.SweepAsync();
        var after = await _lifecycle.StatusAsync(code);
        Assert.False(after.GetProperty("customStatus").GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain(after.GetProperty("historyEvents").EnumerateArray(), e => e.GetProperty("eventType").GetString() == "BecameOverdue");
        Assert.True(after.GetProperty("historyEvents").GetArrayLength() >= before);
    }
}
