using Microsoft.Playwright;

namespace Haven.BrowserTests;

/// Haven on real Kestrel (a loopback port) with a real headless Chromium from Debian's package,
/// started by scripts/chromium.sh. Nothing is downloaded at test time.
/// Each test class gets its own app and database; the Chromium process is one per test run, shared
/// by every class (each page opens in its own browser context, so no cookies or storage are shared).
public sealed class BrowserFixture : SqliteApp
{
    private static readonly Lazy<Task<IBrowser>> SharedBrowser = new(LaunchAsync);

    private readonly List<IBrowserContext> _contexts = [];

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Browser = await SharedBrowser.Value;
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("HAVEN_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { browser.CloseAsync().Wait(TimeSpan.FromSeconds(10)); playwright.Dispose(); }
            catch (Exception) { /* the test process is ending; Playwright's driver takes Chromium with it */ }
        };
        return browser;
    }

    /// Closes this class's pages (the shared browser stays up for the next class), then stops the app.
    public override async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await base.DisposeAsync();
    }

    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, JavaScriptEnabled = javaScript, ViewportSize = new() { Width = 1280, Height = 900 } });
        lock (_contexts) _contexts.Add(context);
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }
}
