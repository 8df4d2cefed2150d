using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Functions.Dossiers;
using Portal.Testing;

namespace Portal.Functions.Tests.Lifecycle;

[Collection(AppCollection.Name)]
public class OfficerJourneyTests(PortalAppFixture app)
{
    private readonly DossierDriver _lifecycle = new(app);

    private static string Status(JsonElement instance) => instance.GetProperty("customStatus").GetProperty("status").GetString()!;

    [Fact]
    public async Task Dossier_GoesFromSubmissionToReturnedResult_WithSupplementInBetween()
    {
        _lifecycle.MoveToNextWorkingMorning();
        var code = await _lifecycle.SubmitAsync();

        // The desk sees it in its inbox and receives it: the clock starts.
        using (var desk = await app.SignedInAsync(Officers.Desk))
        {
            var inbox = await DossierDriver.AllPagesAsync(desk, "api/officer/inbox?pageSize=100");
            Assert.Contains(inbox, i => i.GetProperty("code").GetString() == code);
        }
        var received = await _lifecycle.AcceptedAsync(Officers.Desk, code, "Receive");
        Assert.Equal("received", Status(received));
        Assert.Equal("tham-dinh", received.GetProperty("customStatus").GetProperty("step").GetProperty("id").GetString());
        Assert.False(received.GetProperty("customStatus").GetProperty("appointmentProvisional").GetBoolean());
        var appointment = received.GetProperty("customStatus").GetProperty("appointmentAt").GetDateTimeOffset();

        // The specialist asks for everything missing at once; the clock stops.
        var supplement = await _lifecycle.AcceptedAsync(Officers.Specialist, code, "RequestSupplement",
            new { reason = "Giấy chứng sinh mờ, không đọc được", missing = new[] { "Giấy chứng sinh (bản rõ nét)" } });
        Assert.Equal("supplementRequested", Status(supplement));
        Assert.Equal(5, supplement.GetProperty("customStatus").GetProperty("nationalStatusCode").GetInt32());

        // One working hour later the citizen supplies it; the appointment moves by exactly that hour.
        app.Clock.Advance(TimeSpan.FromHours(1));
        using (var citizen = await app.SignedInAsync(Citizens.Lan))
        {
            var tracked = await citizen.GetFromJsonAsync<JsonElement>($"api/dossiers/{code}");
            Assert.Contains("Giấy chứng sinh (bản rõ nét)", tracked.GetProperty("supplement").GetProperty("missing")[0].GetString());
            var files = SampleDossiers.Submission(SampleDossiers.BirthRegistration, new System.Text.Json.Nodes.JsonObject(),
                ("giay-chung-sinh", "giay-chung-sinh-ro.pdf", SampleDossiers.Pdf("ban ro net")));
            var supplied = await citizen.PostAsync($"api/dossiers/{code}/supplement", files);
            Assert.Equal(HttpStatusCode.OK, supplied.StatusCode);
        }
        var resumed = await _lifecycle.StatusAsync(code);
        Assert.Equal("received", Status(resumed));
        var moved = resumed.GetProperty("customStatus").GetProperty("appointmentAt").GetDateTimeOffset();
        var calendar = app.Services.GetRequiredService<Deadlines>().Calendar;
        Assert.Equal(TimeSpan.FromHours(1), calendar.WorkingTimeBetween(appointment, moved));

        // Specialist forwards, head approves, leader signs and issues the result, desk returns it.
        await _lifecycle.AcceptedAsync(Officers.Specialist, code, "Forward", new { reason = "Đủ điều kiện đăng ký khai sinh" });
        Assert.Equal("approved", Status(await _lifecycle.AcceptedAsync(Officers.Head, code, "Approve")));
        var pdf = SampleDossiers.Pdf("Giay khai sinh da ky so");
        var issued = await _lifecycle.IssueResultAsync(code, pdf);
        Assert.Equal(HttpStatusCode.Accepted, issued.StatusCode);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        Assert.Equal(sha, (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customStatus").GetProperty("resultSha256").GetString());
        var returned = await _lifecycle.AcceptedAsync(Officers.Desk, code, "ReturnResult", new { channel = "online" });
        Assert.Equal("resultReturned", Status(returned));
        Assert.Equal("Completed", returned.GetProperty("runtimeStatus").GetString());

        // The citizen downloads the result; anyone can verify it by code and hash.
        using (var citizen = await app.SignedInAsync(Citizens.Lan))
        {
            Assert.Equal(pdf, await citizen.GetByteArrayAsync($"api/dossiers/{code}/result"));
            var notifications = await citizen.GetFromJsonAsync<JsonElement>($"api/dossiers/{code}/notifications");
            Assert.Contains(notifications.EnumerateArray(), n => n.GetProperty("text").GetString()!.Contains("cần bổ sung"));
            Assert.Contains(notifications.EnumerateArray(), n => n.GetProperty("text").GetString()!.Contains("đã có kết quả"));
        }
        using var anyone = app.Client();
        Assert.True((await anyone.GetFromJsonAsync<JsonElement>($"api/verify/{code}?sha256={sha}")).GetProperty("valid").GetBoolean());
        Assert.False((await anyone.GetFromJsonAsync<JsonElement>($"api/verify/{code}?sha256={new string('0', 64)}")).GetProperty("valid").GetBoolean());

        // Every step, who did it, and the history, are on record; the status answers 200 now that it is done.
        var final = await _lifecycle.StatusAsync(code);
        var types = final.GetProperty("historyEvents").EnumerateArray().Select(e => e.GetProperty("eventType").GetString()!).ToArray();
        Assert.Equal(["Submitted", "Received", "SupplementRequested", "SupplementProvided", "Forwarded", "Approved", "ResultIssued", "ResultReturned"], types);
        using var desk2 = await app.SignedInAsync(Officers.Desk);
        var slip = await desk2.GetFromJsonAsync<JsonElement>($"api/officer/dossiers/{code}/control-slip");
        Assert.Equal(["tiep-nhan", "tham-dinh", "phe-duyet", "ky-ban-hanh", "tra-ket-qua"], slip.EnumerateArray().Select(l => l.GetProperty("step").GetString()!).ToArray());
        Assert.Equal("Võ Thị Mai", slip[0].GetProperty("officer").GetString());
        Assert.Equal(HttpStatusCode.OK, (await desk2.GetAsync($"api/instances/{code}")).StatusCode);
    }

    [Fact]
    public async Task Start_AnswersLikeDurable_WithManagementLinks()
    {
        var code = await _lifecycle.SubmitAsync();
        using var desk = await app.SignedInAsync(Officers.Desk);
        var response = await desk.PostAsync($"api/orchestrators/DossierLifecycle/{code}", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var links = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith($"/api/instances/{code}", links.GetProperty("statusQueryGetUri").GetString());
        Assert.Contains("/raiseEvent/{eventName}", links.GetProperty("sendEventPostUri").GetString());
        var status = await desk.GetAsync(links.GetProperty("statusQueryGetUri").GetString());
        Assert.Equal(HttpStatusCode.Accepted, status.StatusCode);
        Assert.Equal("Running", (await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task Terminate_StopsProcessingWithTheReason()
    {
        var code = await _lifecycle.ReceivedAsync();
        using var head = await app.SignedInAsync(Officers.Head);
        var response = await head.PostAsync($"api/instances/{code}/terminate?reason={Uri.EscapeDataString("Người nộp đề nghị dừng")}", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var instance = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Terminated", instance.GetProperty("runtimeStatus").GetString());
        Assert.Equal(8, instance.GetProperty("customStatus").GetProperty("nationalStatusCode").GetInt32());
    }
}
