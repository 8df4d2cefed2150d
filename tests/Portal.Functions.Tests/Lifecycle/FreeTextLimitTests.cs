using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Lifecycle;
using Portal.Functions.Infrastructure;
using Portal.Testing;

namespace Portal.Functions.Tests.Lifecycle;

/// <summary>Every free-text field has a limit: over it, 400 naming the field, and the dossier's history is unchanged.</summary>
[Collection(AppCollection.Name)]
public class FreeTextLimitTests(PortalAppFixture app)
{
    private readonly DossierDriver _lifecycle = new(app);
    private static readonly string TooLongReason = new('x', TextLimits.Reason + 1);

    private async Task<int> HistoryLength(string code) => (await _lifecycle.StatusAsync(code)).GetProperty("historyEvents").GetArrayLength();

    [Fact]
    public async Task OfficerReason_OverTheLimit_IsProblemOnReason_AndNothingIsWritten()
    {
        var code = await _lifecycle.ReceivedAsync();
        var before = await HistoryLength(code);

        await ProblemAssert.HasFieldError(await _lifecycle.RaiseAsync(Officers.Specialist, code, "RequestSupplement",
            new { reason = TooLongReason, missing = new[] { "Bản sao CCCD" } }), HttpStatusCode.BadRequest, "reason");
        await ProblemAssert.HasFieldError(await _lifecycle.RaiseAsync(Officers.Specialist, code, "Forward", new { reason = TooLongReason }),
            HttpStatusCode.BadRequest, "reason");
        using (var desk = await app.SignedInAsync(Officers.Desk))
        {
            await ProblemAssert.HasFieldError(await desk.PostAsync($"api/instances/{code}/terminate?reason={new string('y', TextLimits.Reason + 1)}", null),
                HttpStatusCode.BadRequest, "reason");
        }

        Assert.Equal(before, await HistoryLength(code));
    }

    [Fact]
    public async Task ReasonAtTheLimit_IsAccepted()
    {
        var code = await _lifecycle.ReceivedAsync();
        await _lifecycle.AcceptedAsync(Officers.Specialist, code, "Forward", new { reason = new string('x', TextLimits.Reason) });
    }

    [Fact]
    public async Task MissingItems_TooLongOrTooMany_AreProblemsOnMissing_AndNothingIsWritten()
    {
        var code = await _lifecycle.ReceivedAsync();
        var before = await HistoryLength(code);

        await ProblemAssert.HasFieldError(await _lifecycle.RaiseAsync(Officers.Specialist, code, "RequestSupplement",
            new { reason = "Thiếu giấy tờ", missing = new[] { "Bản sao CCCD", new string('m', TextLimits.MissingItem + 1) } }), HttpStatusCode.BadRequest, "missing[1]");
        await ProblemAssert.HasFieldError(await _lifecycle.RaiseAsync(Officers.Specialist, code, "RequestSupplement",
            new { reason = "Thiếu giấy tờ", missing = Enumerable.Range(1, TextLimits.MissingItems + 1).Select(i => $"Giấy tờ {i}").ToArray() }),
            HttpStatusCode.BadRequest, "missing");

        Assert.Equal(before, await HistoryLength(code));
    }

    [Fact]
    public async Task CitizenWithdrawalReason_OverTheLimit_IsProblemOnReason_AndNothingIsWritten()
    {
        var code = await _lifecycle.SubmitAsync();
        var before = await HistoryLength(code);
        using var citizen = await app.SignedInAsync(Citizens.Lan);

        await ProblemAssert.HasFieldError(await citizen.PostAsJsonAsync($"api/dossiers/{code}/withdraw", new { reason = TooLongReason }),
            HttpStatusCode.BadRequest, "reason");

        Assert.Equal(before, await HistoryLength(code));
    }

    [Fact]
    public async Task SupplementNote_OverTheLimit_IsProblemOnNote_AndNoDocumentOrEventIsAdded()
    {
        var code = await _lifecycle.ReceivedAsync();
        await _lifecycle.AcceptedAsync(Officers.Specialist, code, "RequestSupplement", new { reason = "Ảnh mờ", missing = new[] { "Giấy chứng sinh" } });
        var before = await HistoryLength(code);
        using var citizen = await app.SignedInAsync(Citizens.Lan);
        var documentsBefore = (await citizen.GetFromJsonAsync<JsonElement>($"api/dossiers/{code}")).GetProperty("documents").GetArrayLength();

        var files = SampleDossiers.Submission(SampleDossiers.BirthRegistration, new System.Text.Json.Nodes.JsonObject(),
            ("giay-chung-sinh", "giay-chung-sinh-ro.pdf", SampleDossiers.Pdf("ban ro net gioi han")));
        files.Add(new StringContent(new string('n', TextLimits.Note + 1)), "note");
        await ProblemAssert.HasFieldError(await citizen.PostAsync($"api/dossiers/{code}/supplement", files), HttpStatusCode.BadRequest, "note");

        Assert.Equal(before, await HistoryLength(code));
        Assert.Equal(documentsBefore, (await citizen.GetFromJsonAsync<JsonElement>($"api/dossiers/{code}")).GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public async Task ResultReason_OverTheLimit_IsProblemOnReason_AndNoBlobIsStored()
    {
        var code = await ApprovedAsync();
        using var leader = await app.SignedInAsync(Officers.Leader);
        var content = ResultUpload(SampleDossiers.Pdf("ket qua ly do dai"));
        content.Add(new StringContent(TooLongReason), "reason");

        await ProblemAssert.HasFieldError(await leader.PostAsync($"api/instances/{code}/raiseEvent/IssueResult", content), HttpStatusCode.BadRequest, "reason");

        Assert.Empty(await ResultBlobsAsync(code));
    }

    [Fact]
    public async Task ResultUpload_ByTheWrongRole_IsForbidden_AndNoBlobIsStored()
    {
        var code = await ApprovedAsync();

        await ProblemAssert.IsProblem(await _lifecycle.IssueResultAsync(code, SampleDossiers.Pdf("ket qua sai vai tro"), Officers.Desk), HttpStatusCode.Forbidden);

        Assert.Empty(await ResultBlobsAsync(code));
    }

    [Fact]
    public async Task ResultUpload_AtTheWrongStep_IsConflict_AndNoBlobIsStored()
    {
        var code = await _lifecycle.ReceivedAsync();

        await ProblemAssert.IsProblem(await _lifecycle.IssueResultAsync(code, SampleDossiers.Pdf("ket qua sai buoc")), HttpStatusCode.Conflict);

        Assert.Empty(await ResultBlobsAsync(code));
    }

    [Fact]
    public async Task ResultUpload_ByTheLeaderAfterApproval_IsStored()
    {
        var code = await ApprovedAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await _lifecycle.IssueResultAsync(code, SampleDossiers.Pdf("ket qua dung"))).StatusCode);

        Assert.Single(await ResultBlobsAsync(code));
    }

    private static MultipartFormDataContent ResultUpload(byte[] pdf)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "ket-qua.pdf");
        return content;
    }

    private async Task<List<string>> ResultBlobsAsync(string code)
    {
        var container = app.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.AttachmentsContainer);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"results/{code}/" })) names.Add(blob.Name);
        return names;
    }

    private async Task<string> ApprovedAsync()
    {
        var code = await _lifecycle.ReceivedAsync();
        await _lifecycle.AcceptedAsync(Officers.Specialist, code, "Forward");
        await _lifecycle.AcceptedAsync(Officers.Head, code, "Approve");
        return code;
    }
}
