using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.Web.Tests.Officer;

/// <summary>
/// The officer console pages through the inbox (previous/next, focus moved to the new page) and the citizen's list loads
/// more on request, both on a phone-sized screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PagedListsTests(BrowserFixture browser)
{
    private PortalAppFixture App => browser.App;

    [Fact]
    public async Task OfficerPagesThroughTheInbox_AndCitizenLoadsMoreOfTheirList_OnAPhone()
    {
        var codes = new List<string>();
        for (var i = 0; i < 26; i++) codes.Add(await App.SubmitBirthRegistrationAsync(Citizens.Lan));
        try
        {
            var officer = await browser.NewPageAsync(375, 800);
            await officer.GotoAsync($"/officer-signin.html?returnUrl={Uri.EscapeDataString("officer.html?role=all")}");
            await officer.GetByLabel("Võ Thị Mai").CheckAsync();
            await officer.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await officer.WaitForURLAsync(new Regex("officer\\.html"), new() { WaitUntil = WaitUntilState.Commit });
            var pager = officer.GetByRole(AriaRole.Navigation, new() { Name = "Phân trang hộp hồ sơ" });
            await Expect(pager).ToBeVisibleAsync();
            await Expect(officer.Locator("#inbox-page")).ToHaveTextAsync("Trang 1");
            await Expect(officer.Locator("#inbox-table tbody tr")).ToHaveCountAsync(25);
            var firstPage = await officer.Locator("#inbox-table tbody tr").First.GetAttributeAsync("data-code");
            await BrowserFixture.ScreenshotAsync(officer, "17-officer-inbox-paged-mobile");

            await pager.GetByRole(AriaRole.Button, new() { Name = "Trang sau ›" }).ClickAsync();
            await Expect(officer.Locator("#inbox-page")).ToHaveTextAsync("Trang 2");
            await Expect(officer.Locator("#inbox")).ToBeFocusedAsync();
            await Expect(officer.Locator("#inbox-count")).ToContainTextAsync("Trang 2");
            Assert.NotEqual(firstPage, await officer.Locator("#inbox-table tbody tr").First.GetAttributeAsync("data-code"));

            await pager.GetByRole(AriaRole.Button, new() { Name = "‹ Trang trước" }).ClickAsync();
            await Expect(officer.Locator("#inbox-page")).ToHaveTextAsync("Trang 1");
            await Expect(pager.GetByRole(AriaRole.Button, new() { Name = "‹ Trang trước" })).ToBeDisabledAsync();
            Assert.Equal(firstPage, await officer.Locator("#inbox-table tbody tr").First.GetAttributeAsync("data-code"));

            var citizen = await browser.NewPageAsync(375, 800);
            await citizen.GotoAsync($"/signin.html?returnUrl={Uri.EscapeDataString("track.html")}");
            await citizen.GetByLabel("Nguyễn Thị Lan").CheckAsync();
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            var rows = citizen.Locator("[data-testid=my-dossiers] tbody tr");
            await Expect(rows).ToHaveCountAsync(10);
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Xem thêm hồ sơ" }).ClickAsync();
            await Expect(rows).ToHaveCountAsync(20);
            await Expect(rows.Nth(10).Locator("a")).ToBeFocusedAsync();
            await Expect(citizen.Locator("[data-testid=my-count]")).ToContainTextAsync("20");
        }
        finally
        {
            // Withdrawn dossiers leave the inbox, so the other journeys find theirs on the first page.
            using var client = await App.SignedInAsync(Citizens.Lan);
            foreach (var code in codes) (await client.PostAsJsonAsync($"api/dossiers/{code}/withdraw", new { reason = "Kiểm thử phân trang" })).EnsureSuccessStatusCode();
        }
    }
}
