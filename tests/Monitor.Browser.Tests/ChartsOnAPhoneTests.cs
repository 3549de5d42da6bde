using Microsoft.Playwright;
using Monitor.Cli;

namespace Monitor.Browser.Tests;

/// <summary>The demo's charts on a 390 px phone (issue 12): inside the window, and no chart text under 11 px.</summary>
public sealed class ChartsOnAPhoneTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monitor-phone-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [SkippableFact]
    public async Task EveryChartFitsTheWindowAndItsTextIsAtLeast11Pixels()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install chromium)");
        var error = new StringWriter();
        Assert.True(CommandRunner.Run(MonitorCli.CreateRoot(), ["demo", "--out", _folder], new StringWriter(), error) == 0, error.ToString());

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync(new Uri(Path.Combine(_folder, "report", "index.html")).AbsoluteUri);

        // Per chart: its id, its drawn width, and its smallest text as drawn (font size × the chart's scale).
        var charts = await page.EvaluateAsync<ChartOnPage[]>("""
            () => Array.from(document.querySelectorAll('figure svg')).map(svg => {
              const box = svg.getBoundingClientRect();
              const scale = box.width / svg.viewBox.baseVal.width;
              const sizes = Array.from(svg.querySelectorAll('text')).map(t => parseFloat(t.getAttribute('font-size')) * scale);
              return { id: svg.closest('figure').id, right: box.right, smallest: Math.min(...sizes) };
            })
            """);
        Assert.True(charts.Length >= 8, $"only {charts.Length} charts");
        Assert.All(charts, c =>
        {
            Assert.True(c.Right <= 390, $"{c.Id} reaches {c.Right} px in a 390 px window");
            Assert.True(c.Smallest >= 11, $"{c.Id}: text of {c.Smallest:F1} px");
        });
    }

    // Playwright fills it property by property, so it needs a parameterless constructor.
    private sealed class ChartOnPage
    {
        public string Id { get; set; } = "";
        public double Right { get; set; }
        public double Smallest { get; set; }
    }
}
