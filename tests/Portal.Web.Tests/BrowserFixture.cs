using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>
/// The real site on the real app (Kestrel + Azurite) driven by Debian's headless Chromium through Playwright.
/// Never downloads a browser: it uses /usr/bin/chromium (installed by test.sh), or PORTAL_CHROMIUM.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The app under test.</summary>
    public PortalAppFixture App { get; } = new();

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go (under the test output).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var chromium = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium)) throw new InvalidOperationException($"Chromium not found at {chromium}: run ./test.sh (it installs Debian's chromium).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A new page (own context: own storage) at a viewport, with the app's base URL.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot named for the step.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>Browser tests share one app and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "Browser";
}
