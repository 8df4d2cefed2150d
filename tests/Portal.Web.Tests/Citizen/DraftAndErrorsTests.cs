using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Web.Tests.Citizen;

[Collection(BrowserCollection.Name)]
public class DraftAndErrorsTests(BrowserFixture browser)
{
    private static async Task SignInAndOpenForm(IPage page, string person, string procedure)
    {
        await page.GotoAsync($"/signin.html?returnUrl={Uri.EscapeDataString($"form.html?code={procedure}")}");
        await page.GetByLabel(person).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("form\\.html"), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("#eform")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Draft_IsSavedAsTheCitizenTypes_AndResumedAfterReload()
    {
        var page = await browser.NewPageAsync();
        await SignInAndOpenForm(page, "Trần Văn Minh", "1.004873");
        await page.Locator("#f-applicant-address-detail").FillAsync("99 đường Cách Mạng Tháng Tám");
        await page.Locator("#f-applicant-address-detail").BlurAsync();
        await Expect(page.Locator("#draft-status")).ToContainTextAsync("Đã lưu nháp", new() { Timeout = 10_000 });

        await page.ReloadAsync();
        await Expect(page.Locator("#f-applicant-address-detail")).ToHaveValueAsync("99 đường Cách Mạng Tháng Tám");
    }

    [Fact]
    public async Task WrongFileType_IsRefusedInThePage_BeforeAnythingIsSent()
    {
        var page = await browser.NewPageAsync(375, 800);
        await SignInAndOpenForm(page, "Lê Hoàng Anh", "1.001193");
        await page.Locator("#f-documents-giay-chung-sinh").SetInputFilesAsync(new FilePayload
        {
            Name = "virus.exe", MimeType = "application/x-msdownload", Buffer = [0x4D, 0x5A, 0x90, 0x00],
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        await Expect(page.Locator("#f-documents-giay-chung-sinh-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await BrowserFixture.ScreenshotAsync(page, "09-mobile-file-error");
    }

    [Fact]
    public async Task ControlCharacterAndFutureDateOfBirth_AreRefusedInThePage_NamingTheFields()
    {
        var page = await browser.NewPageAsync();
        await SignInAndOpenForm(page, "Lê Hoàng Anh", "1.001193");
        // A pasted escape character and a birth date of tomorrow (Vietnam time), as the server refuses them too.
        await page.Locator("#f-child-fullName").FillAsync("Trần Minh\u001bKhôi");
        await page.Locator("#f-child-fullName").BlurAsync();
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator("#f-child-dateOfBirth").FillAsync(tomorrow);
        await page.Locator("#f-child-dateOfBirth").BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        await Expect(page.Locator("#f-child-fullName-error")).ToContainTextAsync("ký tự điều khiển");
        await Expect(page.Locator("#f-child-dateOfBirth-error")).ToContainTextAsync("không được sau ngày hôm nay");
    }
}
