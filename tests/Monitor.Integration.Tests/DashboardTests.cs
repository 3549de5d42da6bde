using System.Net;
using System.Text.RegularExpressions;
using Monitor.Integration.Tests.Support;

namespace Monitor.Integration.Tests;

/// <summary>
/// The dashboard over HTTP: the product's pages show what ran, what failed and why, and what still needs
/// someone — the same verdict as <c>jobs health</c> — and never a value of a refused row; nothing but GET is
/// answered, a foreign Host header is refused, and Hangfire's pages are read-only. (The pages in a real
/// browser, at 1280 and 390 px: Monitor.Browser.Tests.)
/// </summary>
public sealed class DashboardTests : IDisposable
{
    private const string RefusedBsn = "123456789";
    private readonly PipelineSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    /// <summary>One run that imported a file with a refused row, rejected a file whole, and saw a spreadsheet.</summary>
    private void RunANight()
    {
        _setup.WritePipeline();
        var good = Extracts.Bsns(4).Take(3).Select(b => Extracts.Row(b, "2020-01-01", null));
        _setup.Drop("levering.csv", Extracts.File([.. good, Extracts.Row(RefusedBsn, "2020-01-01", null)]));
        _setup.Drop("broken.csv", "no;extract\n1;2\n");
        _setup.Drop("levering.xlsx", "a spreadsheet");
        Assert.Equal(2, _setup.RunCli("pipeline", "run", "nightly").Exit);
    }

    [Fact]
    public async Task TheRunsPageListsTheRunInItsZoneWithItsCountsAndTheHealthVerdict()
    {
        RunANight();
        await using var dashboard = await DashboardServer.Start(_setup);

        var html = await dashboard.Get("/");

        Assert.Contains("<a href=\"/runs/1\">#1</a>", html);
        Assert.Contains("succeeded with rejections", html);
        Assert.Contains("1 of 4 rows refused (25 %)", html);
        Assert.Matches(@"\d{4}-\d\d-\d\d \d\d:\d\d Europe/Amsterdam", html);
        Assert.Contains("Health: ", html);
        Assert.Contains("levering.xlsx", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task TheRunPageShowsStepsFilesWhereTheyWentAndWhy()
    {
        RunANight();
        await using var dashboard = await DashboardServer.Start(_setup);

        var html = WebUtility.HtmlDecode(await dashboard.Get("/runs/1"));

        Assert.Contains("Run #1 of nightly", html);
        Assert.Contains(Path.Combine(_setup.Archive, $"{PipelineSetup.Today}_levering.csv"), html);
        Assert.Contains(Path.Combine(_setup.Failed, $"{PipelineSetup.Today}_broken.csv"), html);
        Assert.Contains("cannot tell the format from the header", html);
        Assert.Contains("4 read, 1 refused", html); // the file's rows
        Assert.Equal(HttpStatusCode.NotFound, (await dashboard.Client.GetAsync("/runs/99")).StatusCode);
    }

    [Fact]
    public async Task TheHealthPageGivesTheVerdictOfJobsHealth()
    {
        RunANight();
        var cli = _setup.RunCli("jobs", "health");
        Assert.Equal(3, cli.Exit);
        await using var dashboard = await DashboardServer.Start(_setup);

        var html = WebUtility.HtmlDecode(await dashboard.Get("/health"));

        // The same problems, listed under their pipeline (the line's "nightly: " becomes the heading).
        foreach (var problem in cli.Out.Trim().Split("; ")) Assert.Contains(problem["nightly: ".Length..], html);
        Assert.Contains("Health: 3 problems", html);
        Assert.Contains("monitor jobs ack 1", html);
        Assert.Contains("Next run", html);
    }

    [Fact]
    public async Task TheQuarantineIsShownByImportWithItsNumberDateAndArchivedFileButNeverAValue()
    {
        RunANight();
        await using var dashboard = await DashboardServer.Start(_setup);

        var html = WebUtility.HtmlDecode(await dashboard.Get("/quarantine"));

        Assert.Contains("Import #", html);
        Assert.Contains(Path.Combine(_setup.Archive, $"{PipelineSetup.Today}_levering.csv"), html);
        Assert.Matches(@"Import #\d+ \d{4}-\d\d-\d\d \d\d:\d\d Europe/Amsterdam", Regex.Replace(html, "<[^>]+>", ""));
        Assert.DoesNotContain(RefusedBsn, html);
        foreach (var page in new[] { "/", "/runs/1", "/health" }) Assert.DoesNotContain(RefusedBsn, await dashboard.Get(page));
    }

    [Fact]
    public async Task OnlyGetIsAnsweredAndAForeignHostHeaderIsRefused()
    {
        RunANight();
        await using var dashboard = await DashboardServer.Start(_setup);

        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "rebinding.example" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await dashboard.Client.SendAsync(foreign)).StatusCode);
        using var localhost = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "localhost" } };
        Assert.Equal(HttpStatusCode.OK, (await dashboard.Client.SendAsync(localhost)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await dashboard.Client.PostAsync("/", new StringContent(""))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await dashboard.Client.DeleteAsync("/runs/1")).StatusCode);

        using var response = await dashboard.Client.GetAsync("/");
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task HangfiresPagesAreThereReadOnly()
    {
        RunANight();
        using (var scheduler = Monitor.Jobs.PipelineScheduler.Create(new Monitor.Jobs.SchedulerOptions
               {
                   DatabasePath = _setup.Db, Pipelines = [_setup.Load()], Log = TextWriter.Null,
               }))
        {
            await scheduler.StartAsync(CancellationToken.None); // registers the pipeline's recurring job
            await scheduler.StopAsync(CancellationToken.None);
        }
        await using var dashboard = await DashboardServer.Start(_setup);

        var html = await dashboard.Get("/hangfire/recurring");
        Assert.Contains("Verblijfsmonitor · scheduler", WebUtility.HtmlDecode(html));
        Assert.Contains("30 2 * * *", html);
        Assert.DoesNotContain("js-jobs-list-command", html); // read-only: no trigger, no delete buttons

        using var trigger = await dashboard.Client.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "nightly")]));
        Assert.False(trigger.IsSuccessStatusCode, $"an action was accepted: {(int)trigger.StatusCode}");
    }

    [Fact]
    public void TheDashboardCommandCreatesNoStore()
    {
        var result = _setup.RunCli("dashboard", "--listen", "http://127.0.0.1:0");
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains($"no store at {_setup.Db}", result.Err);
        Assert.False(File.Exists(_setup.Db));
    }

    [Fact]
    public void AListenAddressThatIsNotHttpAddressPortIsExit2()
    {
        MonitorStoreFile();
        var result = _setup.RunCli("dashboard", "--listen", "https://example.org/");
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("give http://ADDRESS:PORT", result.Err);
    }

    [Fact]
    public void ASettingsFileThatNamesNoNetworkIsExit2()
    {
        MonitorStoreFile();
        var settings = _setup.Folder.Write("settings.json", """{ "dashboard": { "allow_from": ["the office"] } }""");
        var result = _setup.RunCli("dashboard", "--settings", settings);
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("dashboard.allow_from: 'the office' is not a network such as 10.20.0.0/16", result.Err);
    }

    [Fact]
    public async Task TheSchedulerServesTheDashboardFromItsOwnProcessUntilSigterm()
    {
        if (OperatingSystem.IsWindows()) return; // SIGTERM is a Unix signal
        RunANight();
        using var child = ChildProcess.Start("scheduler", "run", "--dashboard", "http://127.0.0.1:0", "--db", _setup.Db, "--pipelines", _setup.Pipelines);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var _ = guard.Token.Register(() => child.Kill(entireProcessTree: true)); // never hang the test run
        string? line;
        while ((line = await child.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("dashboard: ", StringComparison.Ordinal)) { }
        Assert.NotNull(line);
        var address = line["dashboard: ".Length..line.IndexOf(' ', "dashboard: ".Length)];

        using (var client = new HttpClient { BaseAddress = new Uri(address) })
        {
            Assert.Contains("Health: ", await client.GetStringAsync("/health"));
            Assert.Contains("30 2 * * *", await client.GetStringAsync("/hangfire/recurring")); // the running scheduler's own job
        }
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", child.Id.ToString()])) kill.WaitForExit();
        var rest = await child.StandardOutput.ReadToEndAsync();
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(30)), "the scheduler did not stop");
        Assert.True(child.ExitCode == 0, $"exit {child.ExitCode}: {rest}");
        Assert.Contains("scheduler: stopped", rest);
    }

    private void MonitorStoreFile() => Monitor.Store.MonitorStore.Open(_setup.Db).Dispose();
}
