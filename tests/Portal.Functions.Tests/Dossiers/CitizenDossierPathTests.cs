using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Functions.Tests.Lifecycle;
using Portal.Testing;

namespace Portal.Functions.Tests.Dossiers;

/// <summary>What the first user found on the dossier path, through the API.</summary>
[Collection(AppCollection.Name)]
public class CitizenDossierPathTests(PortalAppFixture app)
{
    private readonly DossierDriver _lifecycle = new(app);

    [Fact]
    public async Task OwnersView_SaysWhatTheAppointmentMeans_WhetherWithdrawalIsAllowed_AndTheChosenReturnChannel()
    {
        var code = await app.SubmitBirthRegistrationAsync(Citizens.Lan);
        using var citizen = await app.SignedInAsync(Citizens.Lan);

        var submitted = await citizen.GetFromJsonAsync<JsonElement>($"api/dossiers/{code}");
        Assert.True(submitted.GetProperty("appointmentProvisional").GetBoolean());
        Assert.Contains("dự kiến", submitted.GetProperty("appointmentNote").GetProperty("vi").GetString());
        Assert.Contains("provisional", submitted.GetProperty("appointmentNote").GetProperty("en").GetString());
        Assert.True(submitted.GetProperty("canWithdraw").GetBoolean());
        // The sample birth registration asks for the electronic copy (delivery "dien-tu").
        Assert.Equal("online", submitted.GetProperty("requestedReturnChannel").GetString());

        await _lifecycle.AcceptedAsync(Officers.Desk, code, "Receive");
        var received = await citizen.GetFromJsonAsync<JsonElement>($"api/dossiers/{code}");
        Assert.False(received.GetProperty("appointmentProvisional").GetBoolean());
        Assert.False(received.TryGetProperty("appointmentNote", out _));

        var withdrawn = await citizen.PostAsJsonAsync($"api/dossiers/{code}/withdraw", new { reason = "Tôi nộp nhầm thủ tục." });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var after = await withdrawn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("withdrawn", after.GetProperty("status").GetString());
        Assert.False(after.GetProperty("canWithdraw").GetBoolean());
        Assert.Equal("Tôi nộp nhầm thủ tục.", after.GetProperty("lastReason").GetString());
        var texts = after.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToList();
        Assert.Contains(texts, t => t.Contains("Lý do: Tôi nộp nhầm thủ tục."));
        Assert.DoesNotContain(texts, t => t.Contains(".."));
    }

    [Fact]
    public async Task SupplementFile_IdenticalToOneAlreadyInTheDossier_IsReportedByName_AndNothingChanges()
    {
        var code = await app.SubmitBirthRegistrationAsync(Citizens.Lan);
        await _lifecycle.AcceptedAsync(Officers.Desk, code, "Receive");
        await _lifecycle.AcceptedAsync(Officers.Specialist, code, "RequestSupplement",
            new { reason = "Giấy chứng sinh mờ.", missing = new[] { "Giấy chứng sinh (bản rõ nét)." } });
        using var citizen = await app.SignedInAsync(Citizens.Lan);

        // The very file submitted with the dossier, under another name.
        var same = SampleDossiers.Submission(SampleDossiers.BirthRegistration, new System.Text.Json.Nodes.JsonObject(),
            ("giay-chung-sinh", "giay-chung-sinh-moi.pdf", SampleDossiers.Pdf()));
        var messages = await ProblemAssert.HasFieldError(await citizen.PostAsync($"api/dossiers/{code}/supplement", same),
            HttpStatusCode.BadRequest, "documents.giay-chung-sinh");
        var message = Assert.Single(messages);
        Assert.Contains("giay-chung-sinh-moi.pdf", message);
        Assert.Contains("giay-chung-sinh.pdf", message);

        var unchanged = await citizen.GetFromJsonAsync<JsonElement>($"api/dossiers/{code}");
        Assert.Equal("supplementRequested", unchanged.GetProperty("status").GetString());
        Assert.Single(unchanged.GetProperty("documents").EnumerateArray());

        // A different file is taken.
        var other = SampleDossiers.Submission(SampleDossiers.BirthRegistration, new System.Text.Json.Nodes.JsonObject(),
            ("giay-chung-sinh", "giay-chung-sinh-ro.pdf", SampleDossiers.Pdf("ban ro net")));
        var supplied = await citizen.PostAsync($"api/dossiers/{code}/supplement", other);
        Assert.Equal(HttpStatusCode.OK, supplied.StatusCode);
        Assert.Equal(2, (await supplied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documents").GetArrayLength());

        // The same supplement sent again (a retry whose answer was lost) hears that nothing is pending, not that its file is a duplicate.
        var again = SampleDossiers.Submission(SampleDossiers.BirthRegistration, new System.Text.Json.Nodes.JsonObject(),
            ("giay-chung-sinh", "giay-chung-sinh-ro.pdf", SampleDossiers.Pdf("ban ro net")));
        await ProblemAssert.IsProblem(await citizen.PostAsync($"api/dossiers/{code}/supplement", again), HttpStatusCode.Conflict);
        Assert.Equal(2, (await citizen.GetFromJsonAsync<JsonElement>($"api/dossiers/{code}")).GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public async Task AfterApprove_TheStatusNamesTheLeadersSignature()
    {
        var code = await app.SubmitBirthRegistrationAsync(Citizens.Lan);
        await _lifecycle.AcceptedAsync(Officers.Desk, code, "Receive");
        await _lifecycle.AcceptedAsync(Officers.Specialist, code, "Forward");
        var approved = await _lifecycle.AcceptedAsync(Officers.Head, code, "Approve", new { reason = "Đồng ý." });

        Assert.Equal("Đã phê duyệt, chờ lãnh đạo ký ban hành kết quả", approved.GetProperty("customStatus").GetProperty("statusText").GetString());
        Assert.Equal("ky-ban-hanh", approved.GetProperty("customStatus").GetProperty("step").GetProperty("id").GetString());
        Assert.Equal("leader", approved.GetProperty("customStatus").GetProperty("actingRole").GetString());
        var history = (await _lifecycle.StatusAsync(code)).GetProperty("historyEvents").EnumerateArray().ToList();
        var text = history.Single(h => h.GetProperty("eventType").GetString() == "Approved").GetProperty("text").GetString()!;
        Assert.Contains("Ký, ban hành kết quả", text);
        Assert.DoesNotContain("..", text);
    }
}
