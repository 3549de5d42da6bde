using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monitor.Cli;
using Monitor.Dashboard;
using Monitor.Jobs;

namespace Monitor.Browser.Tests;

/// <summary>
/// The dashboard in a real browser (Debian's chromium via Playwright), at a desktop's 1280 px and a phone's
/// 390 px: every page loads without errors, fetches nothing from elsewhere, never scrolls sideways, and
/// offers nothing to click that would change anything. Screenshots are left beside the test binaries
/// (dashboard-*.png) for a person to look at.
/// </summary>
public sealed class DashboardInBrowserTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monitor-dashboard-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [SkippableFact]
    public async Task EveryPageFitsADesktopAndAPhoneFetchesNothingFromElsewhereAndOffersNoAction()
    {
        Skip.IfNot(DebianChromium.Installed, DebianChromium.Missing);
        var db = RunANight();

        using var storage = PipelineScheduler.OpenStorage(db);
        await using var app = DashboardHost.Build(new DashboardOptions
        {
            DatabasePath = db, PipelinesFolder = Path.Combine(_folder, "pipelines"), Listen = new Uri("http://127.0.0.1:0"),
        }, storage);
        await app.StartAsync();
        var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using (var client = new HttpClient())
        {
            using var foreign = new HttpRequestMessage(HttpMethod.Get, origin + "/") { Headers = { Host = "rebinding.example" } };
            Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(foreign)).StatusCode);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var problems = new List<string>();
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            page.Console += (_, message) => { if (message.Type == "error") problems.Add($"{width}: console: {message.Text} ({message.Location})"); };
            page.PageError += (_, message) => problems.Add($"{width}: page: {message}");
            page.Request += (_, request) => { if (!request.Url.StartsWith(origin, StringComparison.Ordinal)) problems.Add($"{width}: fetched {request.Url}"); };

            foreach (var (path, name) in new[] { ("/", "runs"), ("/runs/1", "run"), ("/health", "health"), ("/quarantine", "quarantine") })
            {
                var response = await page.GotoAsync(origin + path);
                Assert.True(response is { Ok: true }, $"{path} at {width} px: {response?.Status}");
                Assert.Equal(0, await page.Locator("script, form, button, input").CountAsync()); // nothing runs, nothing to submit

                // Nothing sticks out sideways: an analyst on a phone never scrolls to the right.
                var tooWide = await page.EvaluateAsync<string[]>(
                    "() => Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)" +
                    ".map(e => e.tagName + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 10)");
                Assert.True(tooWide.Length == 0, $"{path} at {width} px is wider than the window: " + string.Join(", ", tooWide));
                await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, $"dashboard-{name}-{width}.png"), FullPage = true });
            }

            // Hangfire's pages: served from here, read-only (no trigger, requeue or delete buttons).
            var hangfire = await page.GotoAsync(origin + "/hangfire/recurring");
            Assert.True(hangfire is { Ok: true }, $"/hangfire/recurring at {width} px: {hangfire?.Status}");
            Assert.Equal(0, await page.Locator("button.js-jobs-list-command, [data-url*='trigger']").CountAsync());
            Assert.Contains("nightly", await page.InnerTextAsync("body"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, $"dashboard-hangfire-{width}.png"), FullPage = true });
            await page.CloseAsync();
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await app.StopAsync();
    }

    /// <summary>A store with one night behind it: a file imported with a refused row, one rejected whole, a spreadsheet in the inbox.</summary>
    private string RunANight()
    {
        var pipelines = Directory.CreateDirectory(Path.Combine(_folder, "pipelines")).FullName;
        var inbox = Directory.CreateDirectory(Path.Combine(_folder, "inbox")).FullName;
        File.WriteAllText(Path.Combine(pipelines, "nightly.json"), """
            { "name": "nightly", "cron": "30 2 * * *", "inbox": { "folder": "../inbox", "settle_seconds": 0, "recheck_seconds": 0 },
              "steps": [ { "step": "import" } ] }
            """);
        var samples = Path.Combine(RepositoryRoot(), "data-samples");
        foreach (var name in new[] { "providers.csv", "regions.csv", "caretypes.csv", "tariffs.csv", "rijm_dirty_2021.csv" })
            File.Copy(Path.Combine(samples, name), Path.Combine(inbox, name));
        File.WriteAllText(Path.Combine(inbox, "broken.csv"), "no;extract\n1;2\n", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(inbox, "levering.xlsx"), "a spreadsheet");
        foreach (var file in Directory.GetFiles(inbox)) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));

        var db = Path.Combine(_folder, "monitor.db");
        var error = new StringWriter();
        var exit = CommandRunner.Run(MonitorCli.CreateRoot(), ["pipeline", "run", "nightly", "--db", db, "--pipelines", pipelines], new StringWriter(), error);
        Assert.True(exit == 2, $"exit {exit}: {error}"); // broken.csv was rejected whole

        // A scheduler that starts and stops: Hangfire's pages then know the pipeline's recurring job.
        using var scheduler = PipelineScheduler.Create(new SchedulerOptions
        {
            DatabasePath = db, Pipelines = PipelineLoader.LoadAll(pipelines, PipelineSteps.WithoutReport), Log = TextWriter.Null,
        });
        scheduler.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        scheduler.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        return db;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("no Monitor.sln above the test binaries");
    }
}
