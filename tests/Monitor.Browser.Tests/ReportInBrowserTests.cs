using Microsoft.Playwright;
using Monitor.Cli;

namespace Monitor.Browser.Tests;

/// <summary>
/// The demo's report in a real browser: Debian's chromium, driven by Playwright (its own browser
/// download cannot work here). .ci/run installs chromium; without it the test is skipped, and says so.
/// </summary>
public sealed class ReportInBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monitor-browser-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [SkippableFact]
    public async Task TheReportLoadsWithoutErrorsAndEveryChartHasASize()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install chromium)");

        var output = new StringWriter();
        var error = new StringWriter();
        Assert.True(CommandRunner.Run(MonitorCli.CreateRoot(), ["demo", "--out", _folder], output, error) == 0, error.ToString());
        var index = Path.Combine(_folder, "report", "index.html");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add("console: " + message.Text); };
        page.PageError += (_, message) => problems.Add("page: " + message);
        page.Request += (_, request) => { if (!request.Url.StartsWith("file:", StringComparison.Ordinal)) problems.Add("fetched: " + request.Url); };

        var response = await page.GotoAsync(new Uri(index).AbsoluteUri);
        Assert.NotNull(response);
        Assert.True(response.Ok);

        var sizes = await page.EvaluateAsync<double[][]>(
            "() => Array.from(document.querySelectorAll('figure svg')).map(svg => { const r = svg.getBoundingClientRect(); return [r.width, r.height]; })");
        var charts = Directory.GetFiles(Path.Combine(_folder, "report", "charts"), "*.svg");
        Assert.Equal(charts.Length, sizes.Length);
        Assert.True(sizes.Length >= 8, $"only {sizes.Length} charts on the page");
        Assert.All(sizes, size => Assert.True(size[0] > 100 && size[1] > 100, $"a chart of {size[0]}×{size[1]} pixels"));
        Assert.Equal("Verblijfsmonitor jeugdhulp", await page.InnerTextAsync("h1"));

        // Nothing sticks out sideways: a policy reader should never have to scroll to the right.
        var tooWide = await page.EvaluateAsync<string[]>(
            "() => Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)" +
            ".map(e => e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 10)");
        Assert.True(tooWide.Length == 0, "wider than the window: " + string.Join(", ", tooWide));

        // For a person to look at: the whole page as the browser drew it.
        var screenshot = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.Empty(problems);
    }
}
