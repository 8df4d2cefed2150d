using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.Web.Tests.Officer;

/// <summary>
/// Officers drive a dossier through the console while the citizen answers on the tracking page:
/// desk receives, specialist asks for a supplement, citizen supplies it, specialist forwards, head approves,
/// leader issues the signed result, desk returns it, citizen downloads and verifies it. And a dossier left
/// alone under the fake clock shows its apology draft before the deadline.
/// </summary>
[Collection(BrowserCollection.Name)]
public class OfficerConsoleJourneyTests(BrowserFixture browser)
{
    private PortalAppFixture App => browser.App;

    private async Task<IPage> OfficerOnDossierAsync(string officerName, string code)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/officer-signin.html?returnUrl={Uri.EscapeDataString($"officer-dossier.html?code={code}")}");
        await page.GetByLabel(officerName).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("officer-dossier\\.html"), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("#dossier")).ToBeVisibleAsync();
        return page;
    }

    private static async Task ActAsync(IPage page, string eventName, string expectedStatus)
    {
        await page.Locator($"#action-{eventName}-button").ClickAsync();
        await Expect(page.Locator("#status-panel")).ToContainTextAsync(expectedStatus);
    }

    [Fact]
    public async Task Officers_ProcessADossier_WithASupplement_AndTheCitizenVerifiesTheResult()
    {
        App.MoveToNextWorkingMorning();
        var code = await App.SubmitBirthRegistrationAsync();

        // The desk finds it in the inbox and receives it.
        var desk = await OfficerOnDossierAsync("Võ Thị Mai", code);
        await desk.GotoAsync("/officer.html");
        await Expect(desk.GetByRole(AriaRole.Link, new() { Name = code })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(desk, "10-officer-inbox");
        await desk.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await ActAsync(desk, "Receive", "Đã tiếp nhận");

        // The specialist asks for everything missing, at once, with a reason.
        var specialist = await OfficerOnDossierAsync("Huỳnh Văn Phúc", code);
        await specialist.Locator("#act-RequestSupplement-reason").FillAsync("Giấy chứng sinh bị mờ");
        await specialist.Locator("#act-RequestSupplement-missing").FillAsync("Giấy chứng sinh (bản chụp rõ nét)");
        await ActAsync(specialist, "RequestSupplement", "Yêu cầu bổ sung");
        await BrowserFixture.ScreenshotAsync(specialist, "11-officer-dossier-supplement");

        // The citizen sees what is missing and supplies it: the clock restarts.
        var citizen = await browser.NewPageAsync(375, 800);
        await citizen.GotoAsync($"/signin.html?returnUrl={Uri.EscapeDataString($"track.html?code={code}")}");
        await citizen.GetByLabel("Nguyễn Thị Lan").CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        var request = citizen.Locator("#supplement");
        await Expect(request).ToContainTextAsync("Giấy chứng sinh (bản chụp rõ nét)");
        await citizen.Locator("#supplement-form #f-documents-giay-chung-sinh").SetInputFilesAsync(new FilePayload
        {
            Name = "giay-chung-sinh-ro.pdf", MimeType = "application/pdf", Buffer = SampleDossiers.Pdf("ro net"),
        });
        await BrowserFixture.ScreenshotAsync(citizen, "12-citizen-supplement-mobile");
        await citizen.Locator("#supplement-button").ClickAsync();
        await Expect(citizen.Locator("#result")).ToContainTextAsync("Đã tiếp nhận");

        // Specialist forwards, head approves, leader signs and issues the result, desk returns it.
        await specialist.ReloadAsync();
        await ActAsync(specialist, "Forward", "Đang xử lý");
        var head = await OfficerOnDossierAsync("Đặng Thị Thu", code);
        await ActAsync(head, "Approve", "Đã phê duyệt, chờ lãnh đạo ký ban hành kết quả");
        var leader = await OfficerOnDossierAsync("Nguyễn Văn Hùng", code);
        var resultPdf = SampleDossiers.Pdf("Giay khai sinh ban dien tu");
        await leader.Locator("#act-IssueResult-file").SetInputFilesAsync(new FilePayload { Name = "giay-khai-sinh.pdf", MimeType = "application/pdf", Buffer = resultPdf });
        await ActAsync(leader, "IssueResult", "Đã có kết quả");
        await desk.GotoAsync($"/officer-dossier.html?code={Uri.EscapeDataString(code)}");
        // The return form starts on the channel the citizen chose (electronic copy) and warns when another is picked.
        await Expect(desk.Locator("#act-ReturnResult-channel-online")).ToBeCheckedAsync();
        await Expect(desk.Locator("#action-ReturnResult")).ToContainTextAsync("Người nộp đã chọn nhận kết quả: Trực tuyến (bản điện tử).");
        await Expect(desk.GetByTestId("channel-warning")).ToBeHiddenAsync();
        await desk.Locator("#act-ReturnResult-channel-post").CheckAsync();
        await Expect(desk.GetByTestId("channel-warning")).ToBeVisibleAsync();
        await Expect(desk.GetByTestId("channel-warning")).ToContainTextAsync("người nộp đã chọn “Trực tuyến (bản điện tử)”");
        await BrowserFixture.ScreenshotAsync(desk, "13a-officer-return-channel-warning");
        await desk.Locator("#act-ReturnResult-channel-online").CheckAsync();
        await Expect(desk.GetByTestId("channel-warning")).ToBeHiddenAsync();
        await ActAsync(desk, "ReturnResult", "Đã trả kết quả");
        await BrowserFixture.ScreenshotAsync(desk, "13-officer-dossier-returned");

        // The citizen's receipt slip names the desk officer who received the dossier.
        await citizen.ReloadAsync();
        await citizen.GetByTestId("print-receipt").ClickAsync();
        await Expect(citizen.Locator("#slip-title")).ToHaveTextAsync("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
        await Expect(citizen.Locator("#slip-signatures")).ToContainTextAsync("Võ Thị Mai");
        await BrowserFixture.ScreenshotAsync(citizen, "13b-citizen-receipt-slip-mobile");
        await citizen.GoBackAsync();

        // The citizen downloads the result and verifies it on the public page.
        await citizen.ReloadAsync();
        var download = await citizen.RunAndWaitForDownloadAsync(() => citizen.Locator("#download-result").ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(saved);
        Assert.Equal(resultPdf, await File.ReadAllBytesAsync(saved));
        var verify = await browser.NewPageAsync();
        await verify.GotoAsync($"/verify.html?code={Uri.EscapeDataString(code)}");
        await verify.Locator("#verify-file").SetInputFilesAsync(saved);
        await verify.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra" }).ClickAsync();
        await Expect(verify.Locator("#verify-result")).ToContainTextAsync("Kết quả hợp lệ");
        await BrowserFixture.ScreenshotAsync(verify, "14-verify-result");
        File.Delete(saved);

        // The control slip lists every step with its officer.
        await desk.GotoAsync($"/slip.html?code={Uri.EscapeDataString(code)}&kind=control&as=officer");
        await Expect(desk.Locator("main")).ToContainTextAsync("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", new() { IgnoreCase = true });
        await Expect(desk.Locator("main")).ToContainTextAsync("Nguyễn Văn Hùng");
        await BrowserFixture.ScreenshotAsync(desk, "15-control-slip");

        // The result slip carries a QR code that opens the public verification of this very result.
        await desk.GotoAsync($"/slip.html?code={Uri.EscapeDataString(code)}&kind=result&as=officer");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(resultPdf));
        await Expect(desk.Locator("main")).ToContainTextAsync(sha);
        await Expect(desk.Locator("#slip-qr")).ToHaveAttributeAsync("src", new Regex($"/api/verify/.*sha256={sha}"));
    }

    [Fact]
    public async Task DossierGoingOverdue_ShowsTheApologyDraft_AndIsFlaggedInTheInbox()
    {
        App.MoveToNextWorkingMorning();
        var code = await App.SubmitBirthRegistrationAsync();
        var desk = await OfficerOnDossierAsync("Võ Thị Mai", code);
        await ActAsync(desk, "Receive", "Đã tiếp nhận");

        // Nobody acts; the fake clock reaches the warning time and the timer function runs.
        using (var officer = await App.SignedInAsync(Officers.Desk))
        {
            var status = await officer.GetFromJsonAsync<JsonElement>($"api/instances/{code}");
            var appointment = status.GetProperty("customStatus").GetProperty("appointmentAt").GetDateTimeOffset();
            App.Clock.SetUtcNow(appointment.AddMinutes(-30));
            await App.RunTimerSweepAsync();
        }

        var specialist = await OfficerOnDossierAsync("Huỳnh Văn Phúc", code);
        await Expect(specialist.Locator("#status-panel")).ToContainTextAsync("[nêu rõ lý do chậm trễ]");
        await BrowserFixture.ScreenshotAsync(specialist, "16-apology-draft");
        await specialist.GotoAsync("/officer.html");
        var row = specialist.Locator("tr, li, article").Filter(new() { HasText = code }).First;
        await Expect(row).ToContainTextAsync("Sắp đến hạn");
    }
}
