using Microsoft.Playwright;
using Monitor.Cli;
using UglyToad.PdfPig;

namespace Monitor.Browser.Tests;

/// <summary>
/// The demo's report in a real browser (Debian's chromium driven by Playwright; its own browser download cannot
/// work here), on a 1280 px screen, on a 390 px phone and printed to PDF (issue 12). .ci/run installs chromium;
/// without it the tests are skipped, and say so. Screenshots and the PDF are left beside the test assembly for a
/// person to look at.
/// </summary>
public sealed class ReportInBrowserTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monitor-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private string Index => Path.Combine(_folder, "report", "index.html");

    public async Task InitializeAsync()
    {
        if (!DebianChromium.Installed) return;
        var error = new StringWriter();
        Assert.True(CommandRunner.Run(MonitorCli.CreateRoot(), ["demo", "--out", _folder], new StringWriter(), error) == 0, error.ToString());
        _playwright = await Playwright.CreateAsync();
        _browser = await DebianChromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [SkippableTheory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task NothingIsWiderThanTheWindowButATablesScrollBoxAndEveryChartIsReadable(int width, int height)
    {
        Skip.IfNot(DebianChromium.Installed, DebianChromium.Missing);
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add("console: " + message.Text); };
        page.PageError += (_, message) => problems.Add("page: " + message);
        page.Request += (_, request) => { if (!request.Url.StartsWith("file:", StringComparison.Ordinal)) problems.Add("fetched: " + request.Url); };
        var response = await page.GotoAsync(new Uri(Index).AbsoluteUri);
        Assert.True(response?.Ok);

        // Only a table may be wider than the window, and only inside its own scroll box.
        var tooWide = await page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll('body *'))
              .filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth + 1)
              .map(e => e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 10)
            """);
        Assert.True(tooWide.Length == 0, "wider than the window: " + string.Join(", ", tooWide));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        var boxes = await page.EvaluateAsync<double[]>("() => Array.from(document.querySelectorAll('.table-scroll')).map(b => b.getBoundingClientRect().right)");
        Assert.All(boxes, right => Assert.True(right <= width + 1, $"a table's scroll box reaches {right} px"));

        // Every chart is on the page, visible, inside the window, with no text under 11 px as drawn.
        var charts = await page.EvaluateAsync<ChartOnPage[]>("""
            () => Array.from(document.querySelectorAll('figure svg')).map(svg => {
              const box = svg.getBoundingClientRect();
              const scale = box.width / svg.viewBox.baseVal.width;
              const sizes = Array.from(svg.querySelectorAll('text')).map(t => parseFloat(t.getAttribute('font-size')) * scale);
              const style = getComputedStyle(svg);
              return { id: svg.closest('figure').id, width: box.width, height: box.height, right: box.right,
                       smallest: sizes.length ? Math.min(...sizes) : 0, visible: style.display !== 'none' && style.visibility !== 'hidden' };
            })
            """);
        var files = Directory.GetFiles(Path.Combine(_folder, "report", "charts"), "*.svg");
        Assert.Equal(files.Length, charts.Length);
        Assert.True(charts.Length >= 12, $"only {charts.Length} charts on the page");
        Assert.All(charts, c =>
        {
            Assert.True(c.Visible && c.Width > 250 && c.Height > 150, $"{c.Id} is {c.Width}×{c.Height}");
            Assert.True(c.Right <= width, $"{c.Id} reaches {c.Right} px in a {width} px window");
            Assert.True(c.Smallest >= 11, $"{c.Id}: text of {c.Smallest:F1} px");
        });
        // Table text too.
        var smallestTableText = await page.EvaluateAsync<double>("() => Math.min(...Array.from(document.querySelectorAll('td, th')).map(e => parseFloat(getComputedStyle(e).fontSize)))");
        Assert.True(smallestTableText >= 12, $"table text of {smallestTableText} px");

        // For a person to look at: the whole page, and in pieces a file viewer can show.
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, $"report-{width}.png"), FullPage = true });
        var total = await page.EvaluateAsync<double>("() => document.documentElement.scrollHeight");
        for (var (y, n) = (0.0, 1); y < total && n <= 40; y += 1600, n++)
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, $"report-{width}-{n:D2}.png"), FullPage = true,
                Clip = new() { X = 0, Y = (float)y, Width = width, Height = (float)Math.Min(1600, total - y) } });
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task PrintedItIsA4WithinAPageBoundAndNoPageHasOnlyAFewLines()
    {
        Skip.IfNot(DebianChromium.Installed, DebianChromium.Missing);
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(new Uri(Index).AbsoluteUri);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        // Links print as the file they point to: their text is the file name.
        var links = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('a.file')).filter(a => a.textContent.trim() !== a.getAttribute('href')).map(a => a.getAttribute('href'))");
        Assert.Empty(links);
        var pdf = Path.Combine(AppContext.BaseDirectory, "report.pdf");
        // The page's own @page rule decides the paper (A4); no header or footer of the browser's.
        await page.PdfAsync(new() { Path = pdf, PreferCSSPageSize = true, PrintBackground = true, DisplayHeaderFooter = false });

        using var document = PdfDocument.Open(pdf);
        Assert.InRange(document.NumberOfPages, 6, 20);
        foreach (var p in document.GetPages())
        {
            Assert.InRange(p.Width, 590, 600);   // 210 mm
            Assert.InRange(p.Height, 838, 846);  // 297 mm
            var lines = p.GetWords().Select(w => Math.Round(w.BoundingBox.Bottom / 4)).Distinct().Count();
            Assert.True(lines >= 12, $"page {p.Number} has only {lines} lines of text");
        }
    }

    // Playwright fills it property by property, so it needs a parameterless constructor.
    private sealed class ChartOnPage
    {
        public string Id { get; set; } = "";
        public double Width { get; set; }
        public double Height { get; set; }
        public double Right { get; set; }
        public double Smallest { get; set; }
        public bool Visible { get; set; }
    }
}
