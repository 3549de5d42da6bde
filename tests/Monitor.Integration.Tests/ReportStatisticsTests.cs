using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Monitor.Integration.Tests.Support;

namespace Monitor.Integration.Tests;

/// <summary>
/// Issue 13's "the report's changes carry intervals": the report shows the statistics of <c>monitor compare</c> and
/// <c>monitor did</c> (same seed, same numbers) where its figures are, every bound a published figure that is hidden
/// with the figure it belongs to, and a bound the data cannot fix reads "nog niet te bepalen", never 0.
/// </summary>
public sealed partial class ReportStatisticsTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Demo()
    {
        var demo = _folder.File("demo");
        var result = CommandLine.Run("demo", "--out", demo, "--samples", Samples());
        Assert.True(result.Exit == 0, result.ToString());
        return demo;
    }

    [Fact]
    public void TheDemoReportShowsBesideEachChangeTheIntervalOfTheCompareDocument()
    {
        var demo = Demo();
        var report = new ReportFolder(Path.Combine(demo, "report"));
        using var compare = JsonDocument.Parse(File.ReadAllText(Path.Combine(demo, "compare-2020-2021.json")));
        var statistics = compare.RootElement.GetProperty("statistics");
        Assert.Equal(1000, statistics.GetProperty("bootstrap").GetProperty("replicates").GetInt32());

        var rows = report.PageTable("kerncijfers-nulmeting-vervolgmeting");
        var (shown, hidden) = (0, 0);
        foreach (var change in statistics.GetProperty("changes").EnumerateObject())
        {
            var key = change.Name;
            var owner = report.Published[$"change.{key}"];
            var row = rows.Single(r => r.Keys.Contains($"change.{key}"));
            foreach (var (bound, json) in new[] { ("change_ci_lower", "ci_lower"), ("change_ci_upper", "ci_upper") })
            {
                var published = report.Published[$"{bound}.{key}"];
                var text = row.Texts[row.Keys.ToList().IndexOf($"{bound}.{key}")];
                if (owner.Hidden)
                {
                    // A hidden change never has a shown interval, on the page or in published.json.
                    Assert.True(published.Hidden, $"{bound}.{key} is shown beside a hidden change");
                    Assert.Equal("x", text);
                    hidden++;
                    continue;
                }
                var expected = change.Value.GetProperty(json);
                if (owner.Value is null || expected.ValueKind == JsonValueKind.Null)
                {
                    Assert.Null(published.Value);
                    continue;
                }
                Assert.False(published.Hidden);
                Assert.Equal(expected.GetDouble(), published.Value!.Value, 9);
                var (number, tolerance) = ReportTests.ParseDutch(text);
                Assert.True(Math.Abs(number - expected.GetDouble()) <= tolerance, $"{bound}.{key}: the page shows {text}, compare says {expected}");
                shown++;
            }
        }
        Assert.True(shown >= 30, $"only {shown} bounds were compared");
        Assert.True(hidden > 0, "the demo has a hidden change (short stays: 11 → <10), and the test needs one");

        // The median's Brookmeyer–Crowley interval, for the entries and the 8+ entries of both measurements.
        var km = statistics.GetProperty("km_median");
        foreach (var measurement in new[] { "baseline", "followup" })
        foreach (var cohort in new[] { "entry_cohort", "entry_cohort_8plus" })
        foreach (var (bound, json) in new[] { ("lower", "ci_lower_days"), ("upper", "ci_upper_days") })
        {
            var expected = km.GetProperty(measurement).GetProperty(cohort).GetProperty(json);
            var published = report.Published[$"{measurement}.{cohort}.km_median_ci_{bound}"];
            Assert.False(published.Hidden);
            Assert.Equal(expected.ValueKind == JsonValueKind.Null ? null : expected.GetDouble(), published.Value);
        }

        // The files hold the bounds exactly as published.json does.
        var csv = report.CsvFigures().Where(c => c.Key.Contains("_ci_", StringComparison.Ordinal)).ToList();
        Assert.True(csv.Count >= 40, $"{csv.Count} bounds in the CSV tables");
        foreach (var (file, key, number) in csv)
            Assert.True(number == report.Published[key].Value || number is { } n && Math.Abs(n - report.Published[key].Value!.Value) <= 1e-9 * Math.Max(1, Math.Abs(n)),
                $"{file}: {key} is {number}, published.json says {report.Published[key].Value}");

        // The method says how: replicates, seed, percentiles, youths.
        var method = Text(report.Html[report.Html.IndexOf("<section id=\"methode\"", StringComparison.Ordinal)..]);
        Assert.Contains("1.000 keer", method);
        Assert.Contains("startgetal 20261201", method);
        Assert.Contains("percentielmethode", method);
        Assert.Contains("Brookmeyer en Crowley", method);
        Assert.Contains("Jacobson en Truax", method);
        Assert.DoesNotContain("Brookmeyer", Text(report.Html[..report.Html.IndexOf("<section id=\"methode\"", StringComparison.Ordinal)]));
    }

    [Fact]
    public void AMediansBoundThatTheDataCannotFixReadsNotYetDeterminableNeverZero()
    {
        // Twenty stays begin in 2020: eleven end within months, nine are still running. Half have ended, so the median
        // is reached, but the upper edge of its band stays above one half: its upper bound cannot be fixed yet.
        var bsns = Extracts.Bsns(2024).Take(20).ToList();
        var rows = bsns.Select((bsn, i) => Extracts.Row(bsn, new DateOnly(2020, 1 + i % 6, 1 + i).ToString("yyyy-MM-dd"),
            i < 11 ? new DateOnly(2020, 1 + i % 6, 1 + i).AddDays(40 + 12 * i).ToString("yyyy-MM-dd") : null, birth: "2008-05-05")).ToArray();
        Assert.Equal(0, CommandLine.Run("import", _folder.Write("stays.csv", Extracts.File(rows)), "--db", _folder.Db).Exit);
        var out_ = _folder.File("report");
        var result = CommandLine.Run("report", "--baseline", "2020", "--followup", "2021", "--out", out_, "--db", _folder.Db);
        Assert.True(result.Exit == 0, result.ToString());
        var report = new ReportFolder(out_);
        var compare = CommandLine.Run("compare", "--baseline", "2020", "--followup", "2021", "--window", "182", "--db", _folder.Db, "--json", "-");
        using var json = JsonDocument.Parse(compare.Out);
        var km = json.RootElement.GetProperty("statistics").GetProperty("km_median").GetProperty("baseline").GetProperty("entry_cohort");
        Assert.Equal(JsonValueKind.Null, km.GetProperty("ci_upper_days").ValueKind);
        Assert.Equal(JsonValueKind.Number, km.GetProperty("ci_lower_days").ValueKind);

        const string key = "baseline.entry_cohort.km_median_ci_upper";
        var page = report.PageTable("instroom-kaplan-meier");
        var row = page.Single(r => r.Keys.Contains(key));
        Assert.Equal("nog niet te bepalen", row.Texts[row.Keys.ToList().IndexOf(key)]);
        Assert.Equal(km.GetProperty("ci_lower_days").GetDouble(), report.Published["baseline.entry_cohort.km_median_ci_lower"].Value);
        Assert.Equal(new ReportFolder.Figure(null, false), report.Published[key]); // no value: null, never 0
        Assert.Contains(report.CsvFigures(), c => c.Key == key && c.Number is null);
        // The workbook says it in words too.
        using var document = SpreadsheetDocument.Open(Path.Combine(out_, "tabellen.xlsx"), false);
        var texts = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<InlineString>()).Select(s => s.InnerText).ToList();
        Assert.Contains("nog niet te bepalen", texts);
    }

    [Fact]
    public void ATwoRegionReportShowsTheDifferenceInDifferencesOfMonitorDidAndItsTrendCheckInWords()
    {
        var demo = Demo();
        var db = Path.Combine(demo, "monitor.db");
        var out_ = _folder.File("regions");
        var result = CommandLine.Run("report", "--baseline", "2020", "--followup", "2021", "--regions", "Twente,IJsselland", "--out", out_, "--db", db);
        Assert.True(result.Exit == 0, result.ToString());
        var report = new ReportFolder(out_);
        var did = CommandLine.Run("did", "--regions", "Twente,IJsselland", "--baseline", "2020", "--followup", "2021", "--window", "182", "--db", db, "--json", "-");
        Assert.True(did.Exit == 0, did.ToString());
        using var json = JsonDocument.Parse(did.Out);
        var statistics = json.RootElement.GetProperty("statistics");

        var html = Text(report.Html);
        foreach (var (figure, key) in new[] { ("residential_days_per_1000", "outcomes.residential_days_per_1000"), ("mean_stay_days", "duration_days.mean_all") })
        {
            var expected = statistics.GetProperty("difference_in_differences").GetProperty(figure);
            Assert.Equal(expected.GetProperty("estimate").GetDouble(), report.Published[$"difference_in_differences.{key}"].Value!.Value, 9);
            Assert.Equal(expected.GetProperty("ci_lower").GetDouble(), report.Published[$"difference_in_differences_ci_lower.{key}"].Value);
            Assert.Equal(expected.GetProperty("ci_upper").GetDouble(), report.Published[$"difference_in_differences_ci_upper.{key}"].Value);
            var trend = statistics.GetProperty("pre_trends").GetProperty(figure);
            var parallel = trend.GetProperty("parallel").GetBoolean();
            Assert.Equal(parallel ? 1 : 0, report.Published[$"pre_trend_parallel.{key}"].Value);
            // The sentence of the did document, in the report's words, with the figure it is about.
            var sentence = trend.GetProperty("text_nl").GetString()!.TrimEnd('.');
            Assert.Contains(sentence, html, StringComparison.OrdinalIgnoreCase);
            Assert.Matches(parallel ? "liepen gelijk op" : "liepen niet gelijk op", sentence);
        }
        Assert.Contains("geen bewijs", html);
        var page = report.PageTable("regios-verschil-in-verschillen");
        Assert.Equal(2, page.Count);
        Assert.All(page, r => Assert.Contains(r.Keys, k => k!.StartsWith("difference_in_differences_ci_lower.", StringComparison.Ordinal)));
    }

    [Fact]
    public void WithoutEarlierPeriodsTheTrendCheckIsNotTestableAndSaysSo()
    {
        _folder.CopyExample("case-02-generated");
        Assert.Equal(0, CommandLine.RunIn(_folder, "import", "providers.csv", "regions.csv", "caretypes.csv", "tariffs.csv", "rijm_2019_2022.csv", "--db", "c.db").Exit);
        var out_ = _folder.File("report");
        var result = CommandLine.Run("report", "--baseline", "2020", "--followup", "2021", "--regions", "IJsselland,Twente", "--out", out_, "--db", _folder.File("c.db"));
        Assert.True(result.Exit == 0, result.ToString());
        var html = Text(new ReportFolder(out_).Html);
        Assert.Contains("niet te toetsen", html);
        Assert.Contains("geen bewijs", html);
    }

    [Fact]
    public void Bootstrap0LeavesTheIntervalsOutAndTheMethodSaysSo()
    {
        var demo = Demo();
        var out_ = _folder.File("plain");
        var result = CommandLine.Run("report", "--baseline", "2020", "--followup", "2021", "--bootstrap", "0", "--out", out_, "--db", Path.Combine(demo, "monitor.db"));
        Assert.True(result.Exit == 0, result.ToString());
        var report = new ReportFolder(out_);
        Assert.DoesNotContain(report.Published.Keys, k => k.Contains("_ci_", StringComparison.Ordinal));
        Assert.DoesNotContain("95%-interval van het verschil</th>", report.Html);
        Assert.Contains("Voor dit rapport zijn geen intervallen berekend.", report.Html);
        // Jacobson–Truax "hersteld" needs no bootstrap: it stays.
        Assert.Contains(report.Published.Keys, k => k.EndsWith(".recovered_jt_share", StringComparison.Ordinal));

        var negative = CommandLine.Run("report", "--baseline", "2020", "--followup", "2021", "--bootstrap", "-1", "--out", _folder.File("no"), "--db", Path.Combine(demo, "monitor.db"));
        Assert.Equal(2, negative.Exit);
        Assert.Contains("--bootstrap cannot be negative", negative.Err);
    }

    [Fact]
    public void TheSameSeedGivesTheSameReportAndAnotherSeedOtherIntervals()
    {
        var demo = Demo();
        var db = Path.Combine(demo, "monitor.db");
        ReportFolder Write(string name, string seed)
        {
            var result = CommandLine.Run("report", "--baseline", "2020", "--followup", "2021", "--bootstrap", "200", "--seed", seed, "--out", _folder.File(name), "--db", db);
            Assert.True(result.Exit == 0, result.ToString());
            return new ReportFolder(_folder.File(name));
        }
        var (a, b, c) = (Write("a", "7"), Write("b", "7"), Write("c", "8"));
        Assert.Equal(a.Published, b.Published);
        Assert.NotEqual(a.Published["change_ci_lower.counts.youths"], c.Published["change_ci_lower.counts.youths"]);
        var compare = CommandLine.Run("compare", "--baseline", "2020", "--followup", "2021", "--window", "182", "--bootstrap", "200", "--seed", "8", "--db", db, "--json", "-");
        using var json = JsonDocument.Parse(compare.Out);
        Assert.Equal(json.RootElement.GetProperty("statistics").GetProperty("changes").GetProperty("counts.youths").GetProperty("ci_lower").GetDouble(),
            c.Published["change_ci_lower.counts.youths"].Value);
    }

    /// <summary>What a reader reads of a page: its text without tags.</summary>
    private static string Text(string html) =>
        WebUtility.HtmlDecode(WhiteSpace().Replace(Tags().Replace(html, " "), " "));

    private static string Samples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var samples = Path.Combine(dir.FullName, "data-samples");
            if (Directory.Exists(samples)) return samples;
        }
        throw new InvalidOperationException("data-samples/ not found above the test's folder");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
