using System.Text;
using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using Monitor.Core.Privacy;
using Monitor.Core.Publication;
using Monitor.Ingest;
using Monitor.Integration.Tests.ImportModel;
using Monitor.Integration.Tests.Support;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary>
/// A report's trend years (their cohort sums) and its comparison's bootstrap (its sums per replicate) are kept beside the
/// store: taken again as they were while the store still holds what they read, brought up to date by the youths with new
/// rows after a delta that reaches them, made anew otherwise. Every way they are the figures and intervals a measurement
/// from the store alone gives.
/// </summary>
public sealed class TrendCacheTests : IDisposable
{
    private static readonly Pseudonymizer Keys = new(Encoding.UTF8.GetBytes("trend-cache-key-0123456789abcdef"));
    private static readonly AsOfChoice Window = AsOfChoice.OfWindow(182);
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The trend year as text (every figure's key, kind, value to the last bit and basis), and how its sums were
    /// had: "made" from the episodes, "kept" as they were, or "updated" by the youths with new rows.</summary>
    private static (string Text, string How) Year(MonitorStore store, bool useCaches, int year, int gap = 7, string? region = null)
    {
        using var analysis = new Analysis(store, useCaches);
        var trendYear = analysis.TrendYear(Period.Year(year), Window, gap, CareTypes.DefaultResidentialSet, region);
        var (made, kept, updated) = analysis.Sums;
        Assert.Equal(1, made + kept + updated);
        return (Text(trendYear), made == 1 ? "made" : kept == 1 ? "kept" : "updated");
    }

    /// <summary>The intervals of a comparison of <paramref name="year"/> with the year before (every change and bound to the
    /// last bit), and how the bootstrap sums of its two measurements were had (made if either was, else updated if
    /// either was, else kept).</summary>
    private static (string Text, string How) Intervals(MonitorStore store, bool useCaches, int year)
    {
        using var analysis = new Analysis(store, useCaches);
        var comparison = analysis.Compare(Period.Year(year - 1), Period.Year(year), null, null, Window, 7, CareTypes.DefaultResidentialSet);
        var changes = analysis.WithStatistics(comparison, replicates: 40, seed: 9).Statistics!.Changes;
        var (made, kept, updated) = analysis.Bootstraps;
        Assert.Equal(2, made + kept + updated);
        return (string.Join("\n", changes.Changes.Select(c => $"{c.Key} {c.Baseline:R} {c.Followup:R} {c.Interval}")),
            made > 0 ? "made" : updated > 0 ? "updated" : "kept");
    }

    private static string Text(TrendYear year) =>
        $"{year.Period} {year.AsOf:O} {year.Prefix}\n{string.Join("\n", year.Warnings.Select(w => w.Text))}\n{string.Join("\n", year.Figures)}";

    /// <summary>Asserts the year is the store's own and says how its sums were had.</summary>
    private static string How(MonitorStore store, int year, int gap = 7, string? region = null)
    {
        var (text, how) = Year(store, useCaches: true, year, gap, region);
        Assert.Equal(Year(store, useCaches: false, year, gap, region).Text, text);
        return how;
    }

    private void Import(MonitorStore store, string name, params string[] rows) =>
        Assert.Equal(ImportStatus.Imported, new Importer(store, Keys).Import(_folder.Write(name, Extracts.File(rows)), new ImportOptions()).Status);

    private static string[] Stays(int seed, int youths, int year) => Extracts.Bsns(seed).Take(youths).SelectMany((bsn, i) => new[]
    {
        Extracts.Row(bsn, $"{year}-02-01", $"{year}-05-31", provider: $"4100{i % 7:D4}"),
        Extracts.Row(bsn, $"{year}-06-03", i % 3 == 0 ? null : $"{year}-11-30", provider: "41000022", care: i % 2 == 0 ? "gezinshuis" : "verblijf"),
    }).ToArray();

    [Fact]
    public void AYearIsKeptWhileTheNewRowsAllStartAfterItsAsOfDateAndUpdatedByTheirYouthsWhenNot()
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", Stays(1, 30, 2019));
        Assert.Equal("made", How(store, 2019));
        Assert.Equal("kept", How(store, 2019));
        // 2019 is read as of 2020-06-30: stays from September 2020 on are not in it, also not of its own youths.
        Import(store, "b.csv", [.. Stays(1, 10, 2021), .. Stays(2, 10, 2021), Extracts.Row(Extracts.Bsns(1).First(), "2020-09-01", null)]);
        Assert.Equal("kept", How(store, 2019));
        Assert.Equal("kept", How(store, 2019));
        // A row starting by the as-of date is: the youth's part is made anew (a stay of a 2019 youth goes on), and so is that
        // of a new youth with a stay in 2019.
        Import(store, "c.csv", Extracts.Row(Extracts.Bsns(1).Skip(1).First(), "2020-06-20", "2020-09-30"),
            Extracts.Row(Extracts.Bsns(5).First(), "2019-12-01", null));
        Assert.Equal("updated", How(store, 2019));
        Assert.Equal("kept", How(store, 2019));
        // Other gap rules and regions are years of their own.
        Assert.Equal("made", How(store, 2019, gap: 30));
        Assert.Equal("kept", How(store, 2019, gap: 30));
    }

    [Fact]
    public void ARowStartingOnTheAsOfDateItselfIsRead()
    {
        using var store = MonitorStore.Open(_folder.Db);
        var bsn = Extracts.Bsns(3).First();
        Import(store, "a.csv", Extracts.Row(bsn, "2019-10-01", "2020-06-25"));
        var before = Year(store, useCaches: true, 2019).Text;
        // 2019 is read as of 2020-06-30 (182 days after 31 December in a leap year).
        Import(store, "b.csv", Extracts.Row(bsn, "2020-07-01", null)); // the day after: not read
        Assert.Equal("kept", How(store, 2019));
        Import(store, "c.csv", Extracts.Row(bsn, "2020-06-30", null)); // the stay goes on: still running at the as-of date
        Assert.Equal("updated", How(store, 2019));
        var after = Year(store, useCaches: true, 2019).Text;
        Assert.Contains("km_median_days, Kind = Statistic, Value = 269,", before); // it ended: a median
        Assert.Contains("km_median_days, Kind = Statistic, Value = ,", after); // still running: none yet
    }

    [Fact]
    public void AReferenceFileMeasuresTheYearAnew()
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", Stays(1, 30, 2019));
        var before = Year(store, useCaches: true, 2019).Text;
        var importer = new Importer(store, Keys);
        importer.Import(_folder.Write("regions.csv", "gemeentecode;gemeente;regio\n0193;Zwolle;IJsselland\n"), new ImportOptions());
        importer.Import(_folder.Write("population.csv", "gemeentecode;jaar;jeugdigen_0_17\n0193;2019;8000\n"), new ImportOptions());
        Assert.Equal("made", How(store, 2019));
        var after = Year(store, useCaches: true, 2019).Text;
        Assert.NotEqual(before, after); // residential days per 1,000 youths now have their denominator
        Assert.Contains("outcomes.population", after);
    }

    /// <summary>The files are pruned by last use: the most recent ones stay (also one taken as it was, not written), the
    /// rest go, and so do the trend years an earlier version kept.</summary>
    [Fact]
    public void TheLeastRecentlyUsedFilesArePrunedAndTheOldTrendFilesGo()
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", Stays(1, 30, 2019));
        Assert.Equal("made", How(store, 2018));
        var folder = _folder.Db + ".cache";
        var used = Directory.GetFiles(folder, "sums-*.json");
        Assert.Single(used); // 2018 (measured again without the files to compare, which writes none)
        foreach (var file in used) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-30));
        Assert.Equal("kept", How(store, 2018)); // used now, though not written
        var legacy = Path.Combine(folder, "trend-0123456789abcdef01234567.json");
        File.WriteAllText(legacy, "{}");
        for (var i = 0; i < 300; i++)
        {
            var filler = Path.Combine(folder, $"sums-{i:D24}.json");
            File.WriteAllText(filler, "{}");
            File.SetLastWriteTimeUtc(filler, DateTime.UtcNow.AddDays(-10).AddMinutes(i));
        }
        Assert.Equal("made", How(store, 2019)); // writes its file, and prunes
        var left = Directory.GetFiles(folder, "sums-*.json").Select(Path.GetFileName).ToList();
        Assert.Equal(256, left.Count);
        Assert.Contains(Path.GetFileName(used[0]), left);
        Assert.DoesNotContain("sums-000000000000000000000000.json", left); // the least recently used
        Assert.Contains("sums-000000000000000000000299.json", left);
        Assert.False(File.Exists(legacy));
        Assert.Equal("kept", How(store, 2018));
    }

    /// <summary>A file whose sums cannot hold the part of the youths a delta touched (edited by hand, say) is not brought
    /// up to date but measured anew: never a failed report, never sums below 0.</summary>
    [Fact]
    public void SumsThatCannotHoldTheTouchedYouthsAreMeasuredAnew()
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", Stays(1, 30, 2019));
        Assert.Equal("made", How(store, 2019));
        var file = Assert.Single(Directory.GetFiles(_folder.Db + ".cache", "sums-*.json"));
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
        foreach (var total in json["sums"]!["totals"]!.AsObject().ToList()) json["sums"]!["totals"]![total.Key] = 0;
        File.WriteAllText(file, json.ToJsonString());
        Import(store, "b.csv", Extracts.Row(Extracts.Bsns(1).First(), "2020-06-20", "2020-09-30")); // a 2019 youth's stay goes on
        Assert.Equal("made", How(store, 2019));
        Assert.Equal("kept", How(store, 2019));
    }

    [Fact]
    public void ADamagedFileIsMeasuredAnew()
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", Stays(1, 30, 2019));
        Assert.Equal("made", How(store, 2019));
        foreach (var file in Directory.GetFiles(_folder.Db + ".cache", "sums-*.json")) File.WriteAllText(file, "{\"format\": 1, \"store_ver");
        Assert.Equal("made", How(store, 2019));
        Assert.Equal("kept", How(store, 2019));
    }

    [Fact]
    public void ADamagedBootstrapFileIsMadeAnew_AndAKeptOneIsTheStoresOwn()
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", [.. Stays(1, 30, 2019), .. Stays(2, 30, 2020)]);
        var (made, how) = Intervals(store, useCaches: true, 2020);
        Assert.Equal("made", how);
        Assert.Equal((made, "kept"), Intervals(store, useCaches: true, 2020));
        var files = Directory.GetFiles(_folder.Db + ".cache", "bootstrap-*.sums");
        Assert.Equal(2, files.Length);
        var bytes = File.ReadAllBytes(files[0]);
        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(files[0], bytes);
        Assert.Equal((made, "made"), Intervals(store, useCaches: true, 2020));
        Assert.Equal(made, Intervals(store, useCaches: false, 2020).Text);
    }

    /// <summary>A report after a late delta, with the years the night before left, is the report of the store alone.</summary>
    [Fact]
    public void AReportWithKeptYearsIsTheReportOfTheStoreAlone()
    {
        _folder.CopyExample("case-02-generated");
        Assert.Equal(0, CommandLine.RunIn(_folder, "import", "providers.csv", "regions.csv", "caretypes.csv", "tariffs.csv", "rijm_2015_2018.csv",
            "rijm_2019_2022.csv", "--db", "warm.db").Exit);
        string[] report = ["report", "--baseline", "2020", "--followup", "2021", "--db", "warm.db", "--bootstrap", "200", "--out"];
        Assert.Equal(0, CommandLine.RunIn(_folder, [.. report, "first"]).Exit);
        var before = TrendFiles();
        Assert.True(before.Count >= 5, $"{before.Count} cohort sums kept");
        // New youths from December 2022 on, which the kept years (up to 2019, read up to 2020-06-30) do not read, and two
        // stays of 2019 that came late, which 2018 (read up to 2019-07-01) and 2019 do.
        var bsns = Extracts.Bsns(7).Take(14).ToArray();
        _folder.Write("late.csv", Extracts.File([
            .. bsns.Take(12).Select((bsn, i) => Extracts.Row(bsn, $"{(i < 6 ? "2022-12" : "2023-03")}-{1 + i:D2}", i % 2 == 0 ? null : "2023-05-31")),
            Extracts.Row(bsns[12], "2019-05-01", "2019-08-31"), Extracts.Row(bsns[13], "2019-11-01", null)]));
        Assert.Equal(0, CommandLine.RunIn(_folder, "import", "late.csv", "--db", "warm.db").Exit);
        Assert.Equal(0, CommandLine.RunIn(_folder, [.. report, "second"]).Exit);
        // Years before 2018 were taken again, as of the new import (kept sums are written with the version they hold for).
        var after = TrendFiles();
        Assert.True(before.Count(b => after.TryGetValue(b.Key, out var a) && a.Year == b.Value.Year && a.Version != b.Value.Version) >= 3);
        Directory.Delete(_folder.File("warm.db.cache"), recursive: true);
        Assert.Equal(0, CommandLine.RunIn(_folder, [.. report, "third"]).Exit);

        foreach (var file in Directory.GetFiles(_folder.File("third"), "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".csv", StringComparison.Ordinal)))
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(file.Replace("third", "second")));
        using var published = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_folder.File("second/published.json")));
        Assert.True(published.RootElement.GetProperty("trend").TryGetProperty("2017", out _));
    }

    /// <summary>The trend years beside warm.db: their year and the store version they hold for, by file.</summary>
    private Dictionary<string, (string Year, string Version)> TrendFiles() =>
        Directory.GetFiles(_folder.File("warm.db.cache"), "sums-*.json").ToDictionary(file => Path.GetFileName(file), file =>
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            return (json.RootElement.GetProperty("sums").GetRawText(), json.RootElement.GetProperty("store_version").GetRawText());
        });

    /// <summary>
    /// The import property test's random scenarios (new youths, more rows of known ones, duplicates, refused rows,
    /// a shuffled copy, a full extract that supersedes), then random late deltas (rows of known and new youths starting
    /// from a random day on, and rows that carry stored stays on), imported file by file. After each file every year of
    /// a small grid is taken with the files the earlier ones left and compared with the store's own; all three ways of
    /// getting a year are exercised. Taking rows that start up to 60 days before the as-of date for later fails it, and
    /// so does taking away the touched youths' part of their rows now instead of their rows then.
    /// </summary>
    [Fact]
    public void AfterEveryRandomImportAKeptYearIsTheStoresOwn()
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        Parallel.For(0, 30, new ParallelOptions { MaxDegreeOfParallelism = 2 }, seed =>
        {
            var random = new Random(seed);
            using var folder = new TestFolder();
            using var store = MonitorStore.Open(folder.Db);
            var importer = new Importer(store, Keys);
            var scenario = Scenarios.Generate(seed, rowsPerFile: 40).SelectMany(c => c.Files).ToList();
            var files = scenario.Select((file, c) => (file.Name, Bytes: file.Bytes(seed * 31 + c),
                Options: new ImportOptions(Source: file.Source, FullExtract: file.Full))).ToList();
            // Stays that ended, for late rows that carry them on: an episode of a year that runs up to its as-of date.
            var ended = scenario.SelectMany(f => f.Rows).Where(r => r is { Fault: Fault.None, Youth.Bsn: not null, End: not null }).ToList();
            for (var delta = 0; delta < 3; delta++)
            {
                // From some day up to 250 days before one of the grid's as-of dates on, or after it.
                var from = new DateOnly(2019 + random.Next(3), 7, 1).AddDays(random.Next(-250, 60));
                var rows = Extracts.Bsns(seed).Take(80).Where(_ => random.Next(4) == 0).Select(bsn =>
                {
                    var start = from.AddDays(random.Next(120));
                    return Extracts.Row(bsn, start.ToString("O"), random.Next(3) == 0 ? null : start.AddDays(random.Next(300)).ToString("O"),
                        care: random.Next(4) == 0 ? "ambulant" : "verblijf");
                }).Concat(ended.Where(r => r.End >= from).OrderBy(_ => random.Next()).Take(15).Select(r =>
                {
                    var start = r.End!.Value.AddDays(1 + random.Next(10));
                    return Extracts.Row(r.Youth.Bsn!, start.ToString("O"), start.AddDays(random.Next(10, 200)).ToString("O"));
                })).ToArray();
                if (rows.Length > 0) files.Add(($"late-{delta}.csv", Encoding.UTF8.GetBytes(Extracts.File(rows)), new ImportOptions()));
            }
            foreach (var (name, bytes, options) in files)
            {
                importer.Import(folder.WriteBytes(name, bytes), options);
                foreach (var year in new[] { 2018, 2019, 2020 })
                foreach (var gap in new[] { 7, 30 })
                {
                    var (text, how) = Year(store, useCaches: true, year, gap);
                    counts.AddOrUpdate(how, 1, (_, n) => n + 1);
                    if (text != Year(store, useCaches: false, year, gap).Text)
                        failures.Add($"seed {seed}, after {name}: {year}, gap {gap} ({how})");
                }
                var (intervals, bootstrap) = Intervals(store, useCaches: true, 2020);
                counts.AddOrUpdate("bootstrap " + bootstrap, 1, (_, n) => n + 1);
                if (intervals != Intervals(store, useCaches: false, 2020).Text)
                    failures.Add($"seed {seed}, after {name}: the intervals of 2019 against 2020 ({bootstrap})");
            }
        });
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)));
        Assert.True(new[] { "made", "kept", "updated" }.All(how => counts.GetValueOrDefault(how) > 100)
                    && new[] { "made", "kept", "updated" }.All(how => counts.GetValueOrDefault("bootstrap " + how) > 10),
            $"{string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}: every way should be exercised");
    }
}
