using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Web.Tests.Citizen;

/// <summary>The citizen withdraws their own dossier from the tracking page, on a phone: reason, confirmation, result.</summary>
[Collection(BrowserCollection.Name)]
public class WithdrawTests(BrowserFixture browser)
{
    [Fact]
    public async Task Citizen_WithdrawsOwnDossier_GivingAReasonAndConfirming()
    {
        var code = await browser.App.SubmitBirthRegistrationAsync();
        var page = await browser.NewPageAsync(375, 800);
        await page.GotoAsync($"/signin.html?returnUrl={Uri.EscapeDataString($"track.html?code={code}")}");
        await page.GetByLabel("Nguyễn Thị Lan").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.Locator("#result")).ToContainTextAsync("Mới đăng ký");

        // The button opens a small form; nothing is sent before a reason and the confirmation are given.
        var open = page.GetByRole(AriaRole.Button, new() { Name = "Rút hồ sơ", Exact = true });
        await Expect(open).ToHaveAttributeAsync("aria-expanded", "false");
        await open.ClickAsync();
        var reason = page.GetByLabel("Lý do rút hồ sơ");
        await Expect(reason).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận rút hồ sơ" }).ClickAsync();
        var summary = page.Locator("#error-summary");
        await Expect(summary).ToContainTextAsync("Vui lòng nhập lý do rút hồ sơ");
        await Expect(summary).ToContainTextAsync("Đánh dấu ô xác nhận để rút hồ sơ");
        await Expect(reason).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#result [data-testid=dossier-status]")).ToHaveTextAsync("Mới đăng ký");

        // "Không rút" closes the form and keeps the dossier.
        await page.GetByRole(AriaRole.Button, new() { Name = "Không rút" }).ClickAsync();
        await Expect(open).ToBeFocusedAsync();
        await open.ClickAsync();

        await reason.FillAsync("Tôi nộp nhầm thủ tục.");
        await page.GetByLabel($"Tôi xác nhận rút hồ sơ {code}.").CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "09-withdraw-mobile");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận rút hồ sơ" }).ClickAsync();

        // The result: a notice, the new status, the reason in the history, and no more withdraw button.
        var notice = page.Locator("#dossier-notice");
        await Expect(notice).ToContainTextAsync("Đã rút hồ sơ");
        await Expect(notice).ToBeFocusedAsync();
        await Expect(page.Locator("#result [data-testid=dossier-status]")).ToHaveTextAsync("Đã rút hồ sơ");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Công dân rút hồ sơ. Lý do: Tôi nộp nhầm thủ tục.");
        await Expect(page.GetByTestId("timeline")).Not.ToContainTextAsync("..");
        await Expect(page.GetByTestId("withdraw")).ToHaveCountAsync(0);
        await Expect(summary).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "09b-withdrawn-mobile");
    }
}
