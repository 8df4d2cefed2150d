using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.Web.Tests.Citizen;

/// <summary>
/// The first citizen journey as a person makes it: search without diacritics, read the procedure, sign in,
/// fill the pre-filled e-Form (make a mistake and correct it), attach the birth certificate, check the
/// answers, submit, see the code and appointment date, and track the dossier.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class SubmitBirthRegistrationJourneyTests(BrowserFixture browser)
{
    private static async Task SelectAddress(IPage page, string path, string ward, string detail)
    {
        var id = "#f-" + path.Replace('.', '-');
        await page.Locator($"{id}-province").SelectOptionAsync("80");
        await Expect(page.Locator($"{id}-ward option[value='{ward}']")).ToHaveCountAsync(1);
        await page.Locator($"{id}-ward").SelectOptionAsync(ward);
        await page.Locator($"{id}-detail").FillAsync(detail);
    }

    private static Task Choose(IPage page, string path, string value) =>
        page.Locator($"input[name='{path}'][value='{value}']").CheckAsync();

    [Fact]
    public async Task Citizen_FindsFillsSubmitsAndTracksABirthRegistration()
    {
        var page = await browser.NewPageAsync();

        // Search the catalogue typing without diacritics.
        await page.GotoAsync("/");
        await page.GetByLabel("Tên hoặc mã thủ tục").FillAsync("dang ky khai sinh");
        var result = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("đăng ký khai sinh$", RegexOptions.IgnoreCase) });
        await Expect(result.First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "01-search");

        // Read the procedure, then apply online: sign-in comes first.
        await result.First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("khai sinh");
        await Expect(page.GetByText("Giấy chứng sinh").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "02-procedure");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nộp hồ sơ trực tuyến" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("signin\\.html"), new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByLabel("Nguyễn Thị Lan").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        // The e-Form is pre-filled from what the state knows.
        await page.WaitForURLAsync(new Regex("form\\.html"), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("#f-applicant-fullName")).ToHaveValueAsync("Nguyễn Thị Lan");
        await Expect(page.Locator("#f-applicant-cccd")).ToHaveValueAsync("080190001234");

        await page.Locator("#f-relationship").SelectOptionAsync("me");
        await page.Locator("#f-child-fullName").FillAsync("Trần Minh Khôi");
        await Choose(page, "child.gender", "nam");
        await page.Locator("#f-child-dateOfBirth").FillAsync("2026-11-10");
        await Choose(page, "child.birthPlaceType", "co-so-y-te");
        await Expect(page.Locator("#f-child-birthFacility")).ToBeVisibleAsync();
        await page.Locator("#f-child-birthFacility").FillAsync("Bệnh viện Đa khoa Long An");
        await SelectAddress(page, "child.placeOfBirth", "27712", "Bệnh viện Đa khoa Long An");
        await page.Locator("#f-child-ethnicity").SelectOptionAsync("01");
        await page.Locator("#f-child-nationality").SelectOptionAsync("VN");
        await page.Locator("#f-mother-fullName").FillAsync("Nguyễn Thị Lan");
        await page.Locator("#f-mother-dateOfBirth").FillAsync("1990-04-12");
        await page.Locator("#f-mother-ethnicity").SelectOptionAsync("01");
        await page.Locator("#f-mother-nationality").SelectOptionAsync("VN");
        await page.Locator("#f-mother-cccd").FillAsync("080190001234");
        await SelectAddress(page, "mother.residence", "27712", "12 đường Hùng Vương, khu phố 3");
        await Choose(page, "fatherKnown", "false");
        await Choose(page, "delivery", "dien-tu");

        // A mistake: the error summary names it and links to the field; everything typed is kept.
        await page.Locator("#f-applicant-cccd").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        var summary = page.Locator("#error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("CCCD") })).ToHaveAttributeAsync("href", "#f-applicant-cccd");
        await Expect(summary.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Giấy chứng sinh", RegexOptions.IgnoreCase) })).ToBeVisibleAsync();
        await Expect(page.Locator("#f-child-fullName")).ToHaveValueAsync("Trần Minh Khôi");
        await BrowserFixture.ScreenshotAsync(page, "03-form-with-errors");

        // Correct it, attach the birth certificate.
        await page.Locator("#f-applicant-cccd").FillAsync("080190001234");
        await page.Locator("#f-documents-giay-chung-sinh").SetInputFilesAsync(new FilePayload
        {
            Name = "giay-chung-sinh.pdf", MimeType = "application/pdf", Buffer = SampleDossiers.Pdf(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();

        // Check your answers, then submit.
        var check = page.Locator("#step-check");
        await Expect(check).ToBeVisibleAsync();
        await Expect(check).ToContainTextAsync("Trần Minh Khôi");
        await Expect(check).ToContainTextAsync("giay-chung-sinh.pdf");
        await BrowserFixture.ScreenshotAsync(page, "04-check-answers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();

        // Confirmation: code, QR code, appointment date.
        await page.WaitForURLAsync(new Regex("confirm\\.html"), new() { WaitUntil = WaitUntilState.Commit });
        var codeText = page.Locator("#dossier-code");
        await Expect(codeText).ToHaveTextAsync(CodePattern());
        var code = (await codeText.TextContentAsync())!.Trim();
        await Expect(page.Locator("#qr")).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Ngày hẹn trả kết quả", new() { IgnoreCase = true });
        await Expect(page.Locator("main")).ToContainTextAsync("23/11/2026");
        await BrowserFixture.ScreenshotAsync(page, "05-confirmation");

        // The printable page right after submission is an acknowledgement of online submission, not a receipt.
        var acknowledgementLink = page.GetByRole(AriaRole.Link, new() { Name = "In xác nhận đã nộp hồ sơ trực tuyến" });
        await Expect(acknowledgementLink).ToHaveAttributeAsync("href", $"acknowledgement.html?code={Uri.EscapeDataString(code)}");
        await page.GotoAsync($"/acknowledgement.html?code={Uri.EscapeDataString(code)}");
        await Expect(page.Locator("#receipt-title")).ToHaveTextAsync("Xác nhận đã nộp hồ sơ trực tuyến");
        var acknowledgement = page.GetByTestId("acknowledgement");
        await Expect(acknowledgement).ToContainTextAsync(code);
        await Expect(acknowledgement).ToContainTextAsync("Nguyễn Thị Lan");
        await Expect(acknowledgement).ToContainTextAsync("Hồ sơ chưa được cơ quan tiếp nhận");
        await Expect(acknowledgement).Not.ToContainTextAsync("tiếp nhận hồ sơ của");
        await Expect(acknowledgement).Not.ToContainTextAsync("NGƯỜI TIẾP NHẬN");
        await Expect(page).ToHaveTitleAsync(new Regex("^Xác nhận đã nộp hồ sơ"));
        await BrowserFixture.ScreenshotAsync(page, "06-acknowledgement");

        // Track it while signed in: the appointment says what it means now; only the acknowledgement is printable yet.
        await page.GotoAsync($"/track.html?code={Uri.EscapeDataString(code)}");
        var tracked = page.Locator("#result");
        await Expect(tracked).ToContainTextAsync(code);
        await Expect(tracked).ToContainTextAsync("Mới đăng ký");
        await Expect(tracked).ToContainTextAsync("dự kiến; ngày hẹn chính thức được tính khi Bộ phận một cửa tiếp nhận hồ sơ");
        await Expect(page.GetByTestId("print-acknowledgement")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("print-receipt")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("slip-links").Locator("a[data-slip=receipt]")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "07-track");

        // ...and as anyone holding the code and the phone number.
        var anonymous = await browser.NewPageAsync(375, 800);
        await anonymous.GotoAsync("/track.html");
        await anonymous.GetByLabel("Mã hồ sơ", new() { Exact = true }).FillAsync(code);
        await anonymous.GetByLabel("Số điện thoại của người nộp").FillAsync("0912 345 678");
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Expect(anonymous.Locator("#result")).ToContainTextAsync("Mới đăng ký");
        // Status, dates and progress only: the applicant's name and documents need her sign-in.
        await Expect(anonymous.Locator("#result")).Not.ToContainTextAsync("Nguyễn Thị Lan");
        await Expect(anonymous.Locator("#result")).Not.ToContainTextAsync("giay-chung-sinh");
        await Expect(anonymous.GetByTestId("sign-in-for-more")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(anonymous, "08-track-by-phone-mobile");
    }

    [GeneratedRegex(@"^\s*[0-9A-Z.]+-\d{6}-\d{4}\s*$")]
    private static partial Regex CodePattern();
}
