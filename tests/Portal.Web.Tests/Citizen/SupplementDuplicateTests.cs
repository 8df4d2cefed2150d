using System.Net.Http.Json;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.Web.Tests.Citizen;

/// <summary>A supplement file identical to one already in the dossier is reported at the field, naming that file.</summary>
[Collection(BrowserCollection.Name)]
public class SupplementDuplicateTests(BrowserFixture browser)
{
    [Fact]
    public async Task SupplementFile_AlreadyInTheDossier_IsReportedAtItsField_AndNotSent()
    {
        var code = await browser.App.SubmitBirthRegistrationAsync();
        using (var desk = await browser.App.SignedInAsync(Officers.Desk))
        {
            (await desk.PostAsJsonAsync($"api/instances/{code}/raiseEvent/Receive", new { })).EnsureSuccessStatusCode();
        }
        using (var specialist = await browser.App.SignedInAsync(Officers.Specialist))
        {
            (await specialist.PostAsJsonAsync($"api/instances/{code}/raiseEvent/RequestSupplement",
                new { reason = "Giấy chứng sinh bị mờ.", missing = new[] { "Giấy chứng sinh (bản chụp rõ nét)." } })).EnsureSuccessStatusCode();
        }
        var page = await browser.NewPageAsync(375, 800);
        await page.GotoAsync($"/signin.html?returnUrl={Uri.EscapeDataString($"track.html?code={code}")}");
        await page.GetByLabel("Nguyễn Thị Lan").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.Locator("#supplement")).ToContainTextAsync("Giấy chứng sinh (bản chụp rõ nét)");

        // The same bytes as the submitted giay-chung-sinh.pdf, under another name.
        await page.Locator("#supplement-form #f-documents-giay-chung-sinh").SetInputFilesAsync(new FilePayload
        {
            Name = "anh-chup-lai.pdf", MimeType = "application/pdf", Buffer = SampleDossiers.Pdf(),
        });
        await page.Locator("#supplement-button").ClickAsync();

        var summary = page.Locator("#error-summary");
        await Expect(summary).ToContainTextAsync("Tệp “anh-chup-lai.pdf” giống hệt tệp “giay-chung-sinh.pdf” đã có trong hồ sơ");
        await Expect(page.Locator("#supplement-form")).ToContainTextAsync("giống hệt tệp “giay-chung-sinh.pdf”");
        await Expect(page.Locator("#result [data-testid=dossier-status]")).ToHaveTextAsync("Yêu cầu bổ sung hồ sơ");
        await BrowserFixture.ScreenshotAsync(page, "12b-supplement-duplicate-mobile");
    }
}
