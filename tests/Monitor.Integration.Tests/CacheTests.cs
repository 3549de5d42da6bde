using System.Text;
using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using Monitor.Core.Privacy;
using Monitor.Core.Publication;
using Monitor.Ingest;
using Monitor.Integration.Tests.ImportModel;
using Monitor.Integration.Tests.Support;
using Monitor.Reporting.Json;
using Monitor.Store;
using Monitor.Store.Caching;

namespace Monitor.Integration.Tests;

/// <summary>
/// The caches beside the store (the segment columns and the episodes per youth, <c>&lt;store&gt;.cache</c>)
/// never change a figure: whatever state they are in — missing, of an earlier import, damaged, of a later
/// import than the analysis may see, or impossible to write — a measurement gives the same document as
/// one that reads everything from the store.
/// </summary>
public sealed class CacheTests : IDisposable
{
    private static readonly Pseudonymizer Keys = new(Encoding.UTF8.GetBytes("cache-test-key-0123456789abcdef"));
    private static readonly Period Year2020 = new(new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31));
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string CacheFolder => _folder.Db + ".cache";
    private string SegmentFile => Path.Combine(CacheFolder, "segments.columns");

    /// <summary>The measure document of 2020, and how the segments were read.</summary>
    private static (string Json, string How) Measure(MonitorStore store, bool useCaches, DateOnly? asOf = null, int gap = 7,
        IReadOnlyList<CareType>? set = null)
    {
        using var analysis = new Analysis(store, useCaches);
        var episodes = analysis.BuildEpisodes(asOf ?? new DateOnly(2021, 9, 30), gap, set ?? CareTypes.DefaultResidentialSet);
        return (JsonDocuments.Measure(analysis.Measure(episodes, Year2020, null)), analysis.SegmentsReadFrom);
    }

    private static void AssertSameAsFromTheStore(MonitorStore store, string expectedHow, DateOnly? asOf = null, int gap = 7)
    {
        var (cached, how) = Measure(store, useCaches: true, asOf, gap);
        Assert.StartsWith(expectedHow, how);
        Assert.Equal(Measure(store, useCaches: false, asOf, gap).Json, cached);
    }

    private void Import(MonitorStore store, string name, params string[] rows)
    {
        var result = new Importer(store, Keys).Import(_folder.Write(name, Extracts.File(rows)), new ImportOptions());
        Assert.Equal(ImportStatus.Imported, result.Status);
    }

    private static string[] Stays(int seed, int youths, string start = "2020-02-01") => Extracts.Bsns(seed).Take(youths).SelectMany((bsn, i) => new[]
    {
        Extracts.Row(bsn, start, "2020-05-31", provider: $"4100{i % 7:D4}"),
        Extracts.Row(bsn, "2020-06-03", i % 3 == 0 ? null : "2020-11-30", provider: "41000022", care: i % 2 == 0 ? "gezinshuis" : "verblijf"),
        Extracts.Row(bsn, "2020-03-01", "2020-12-31", provider: "73000011", care: "ambulant", amount: "900,00"),
    }).ToArray();

    /// <summary>The report's count of segments without an amount, taken from the segments an analysis reads (from the
    /// store, the column file, or the file and the rows added since), is the store's own count of its current rows.</summary>
    [Fact]
    public void TheSegmentsWithoutAnAmountAreCountedAsTheStoreCountsThem()
    {
        using var store = MonitorStore.Open(_folder.Db);
        int InStore()
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_folder.Db};Pooling=False;Mode=ReadOnly");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM segment WHERE superseded_by IS NULL AND amount IS NULL";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        int Counted(bool useCaches)
        {
            using var analysis = new Analysis(store, useCaches);
            return analysis.SegmentsWithoutAmount();
        }
        var bsns = Extracts.Bsns(4).Take(20).ToArray();
        Import(store, "a.csv", [.. bsns.Select((bsn, i) => Extracts.Row(bsn, "2020-02-01", "2020-05-31", amount: i % 3 == 0 ? "" : "1.000,00"))]);
        Assert.True(InStore() > 0);
        Assert.Equal(InStore(), Counted(useCaches: true)); // from the store, writing the column file
        Assert.Equal(InStore(), Counted(useCaches: true)); // from the column file
        Import(store, "b.csv", [.. bsns.Take(10).Select(bsn => Extracts.Row(bsn, "2020-07-01", null, amount: ""))]);
        Assert.Equal(InStore(), Counted(useCaches: true)); // the file and the rows added since
        Assert.Equal(InStore(), Counted(useCaches: false));
    }

    [Fact]
    public void AMissingCacheIsBuiltFromTheStoreAndThenRead()
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", Stays(1, 30));
        AssertSameAsFromTheStore(store, "store, columns written");
        Assert.True(File.Exists(SegmentFile));
        AssertSameAsFromTheStore(store, "columns");
        Directory.Delete(CacheFolder, recursive: true);
        AssertSameAsFromTheStore(store, "store, columns written");
    }

    [Fact]
    public void ACacheOfAnEarlierImportGetsOnlyTheRowsAddedSince()
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", Stays(1, 30));
        AssertSameAsFromTheStore(store, "store, columns written");
        // New youths and more rows of youths stored before, some of them ending a stay that was open.
        Import(store, "b.csv", [.. Stays(2, 5, start: "2020-01-15"), .. Stays(1, 4).Select(r => r.Replace("2020-05-31", "2020-05-30"))]);
        AssertSameAsFromTheStore(store, "columns + 19 added"); // 15 rows of new youths, 4 changed rows; 8 duplicates
        AssertSameAsFromTheStore(store, "columns");
    }

    [Fact]
    public void RowsAddedSinceAreReadFromTheStoreUntilTheyAreWorthWritingTheFileAgain()
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", Stays(1, 400));
        AssertSameAsFromTheStore(store, "store, columns written");
        var written = File.GetLastWriteTimeUtc(SegmentFile);
        Import(store, "b.csv", Stays(2, 10)); // 30 rows: under 5% of 1,200
        AssertSameAsFromTheStore(store, "columns + 30 added");
        AssertSameAsFromTheStore(store, "columns + 30 added");
        Assert.Equal(written, File.GetLastWriteTimeUtc(SegmentFile));
        Import(store, "c.csv", Stays(3, 30)); // 120 rows since the file: over 5%
        AssertSameAsFromTheStore(store, "columns + 120 added");
        AssertSameAsFromTheStore(store, "columns");
    }

    [Fact]
    public void AnotherAsOfDateTakesOverOnlyTheEpisodesItCannotChange()
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", Stays(1, 30));
        foreach (var asOf in new[] { "2021-09-30", "2020-12-31", "2022-06-30", "2020-12-31", "2021-09-30" })
            AssertSameAsFromTheStore(store, "", DateOnly.Parse(asOf));
    }

    [Fact]
    public void ATrendYearGivesTheFiguresOfTheFullMeasurementAndLeavesTheEpisodeFileAsItWas()
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", [.. Stays(1, 40), .. Stays(2, 20, start: "2019-03-01")]);
        var nightly = new DateOnly(2021, 9, 30);
        AssertSameAsFromTheStore(store, "store, columns written", nightly);
        var episodeFiles = Directory.GetFiles(CacheFolder, "episodes-*");
        var before = episodeFiles.ToDictionary(f => f, File.ReadAllBytes);

        int[] years = [2019, 2020, 2021];
        var expected = years.Select(year =>
        {
            using var fromStore = new Analysis(store, useCaches: false);
            var m = fromStore.Measure(Period.Year(year), AsOfChoice.OfWindow(182), 7, CareTypes.DefaultResidentialSet, null);
            return TrendFigures.Of(TrendFigures.Prefix(year), m, fromStore.Reference);
        }).ToList();

        using var analysis = new Analysis(store, useCaches: true);
        analysis.Measure(Year2020, AsOfChoice.Of(nightly), 7, CareTypes.DefaultResidentialSet, null); // the report's main measurement
        var trend = years.Select(year => analysis.TrendYear(Period.Year(year), AsOfChoice.OfWindow(182), 7, CareTypes.DefaultResidentialSet, null)).ToList();
        Assert.Equal((3, 0, 0), analysis.Sums);
        for (var i = 0; i < years.Length; i++)
        {
            Assert.Equal((expected[i].Period, expected[i].AsOf, expected[i].Prefix), (trend[i].Period, trend[i].AsOf, trend[i].Prefix));
            Assert.Equal(expected[i].Figures, trend[i].Figures);
            Assert.Equal(expected[i].Warnings, trend[i].Warnings);
        }
        Assert.Equal(before.Keys.Order(), Directory.GetFiles(CacheFolder, "episodes-*").Order());
        foreach (var (file, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(file));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(-40)]
    [InlineData(-3)]
    public void ADamagedCacheIsRebuilt(int at)
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", Stays(1, 30));
        AssertSameAsFromTheStore(store, "store, columns written");
        foreach (var file in Directory.GetFiles(CacheFolder))
        {
            var bytes = File.ReadAllBytes(file);
            bytes[at < 0 ? bytes.Length + at : at] ^= 0x5A;
            File.WriteAllBytes(file, bytes);
        }
        AssertSameAsFromTheStore(store, "store, columns written");
    }

    /// <summary>The segment file's rows are the bytes of the segment struct: a file of the column format before it
    /// (format 1), or of another layout of the struct, is written anew, never read as rows.</summary>
    [Theory]
    [InlineData(8, 1L)] // the format
    [InlineData(56, 0x1234_5678L)] // the segment's layout
    public void ASegmentFileOfAnotherFormatOrLayoutIsRebuilt(int at, long value)
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", Stays(1, 30));
        AssertSameAsFromTheStore(store, "store, columns written");
        var bytes = File.ReadAllBytes(SegmentFile);
        BitConverter.TryWriteBytes(bytes.AsSpan(at, 8), value);
        File.WriteAllBytes(SegmentFile, bytes);
        AssertSameAsFromTheStore(store, "store, columns written");
        AssertSameAsFromTheStore(store, "columns");
    }

    /// <summary>The rows keep the product code numbers of the process that wrote the file; a process that had given
    /// other numbers to those codes first (a scheduler that imported before it measures) renumbers them.</summary>
    [Fact]
    public void ProductCodesNumberedOtherwiseInThisProcessAreRenumbered()
    {
        var (a, b) = (ProductCodes.Intern($"cache-test-{Guid.NewGuid():N}"), ProductCodes.Intern($"cache-test-{Guid.NewGuid():N}"));
        Segment Row(int code) => Segment.FromDayNumbers(7, 3, 730_000, 193, 41_000_022, CareType.Verblijf, code, 737_000, int.MaxValue, 12_345);
        var codes = new int[] { 0, b, a }; // the file's 1 is this process's b, its 2 is a
        Segment[] rows = [Row(1), Row(0), Row(2)];
        Assert.True(SegmentColumns.Renumber(rows, codes));
        Assert.Equal([b, 0, a], rows.Select(s => s.ProductCodeId));
        Assert.Equal([Row(b).Id, Row(b).StartDay, Row(b).EndDayOrMax], [rows[0].Id, rows[0].StartDay, rows[0].EndDayOrMax]);
        Assert.Equal(Row(b).AmountOrMinusOne, rows[0].AmountOrMinusOne);
        Assert.False(SegmentColumns.Renumber([Row(3)], codes)); // a number the file does not list: damaged
    }

    [Fact]
    public void ACacheCutShortIsRebuilt()
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", Stays(1, 30));
        AssertSameAsFromTheStore(store, "store, columns written");
        foreach (var file in Directory.GetFiles(CacheFolder))
        {
            using var stream = File.OpenWrite(file);
            stream.SetLength(stream.Length / 2);
        }
        AssertSameAsFromTheStore(store, "store, columns written");
    }

    [Fact]
    public void AFullExtractRebuildsTheCache()
    {
        using var store = MonitorStore.Open(_folder.Db);
        var importer = new Importer(store, Keys);
        importer.Import(_folder.Write("a1.csv", Extracts.File(Stays(1, 30))), new ImportOptions(Source: "a"));
        AssertSameAsFromTheStore(store, "store, columns written");
        importer.Import(_folder.Write("a2.csv", Extracts.File(Stays(1, 12))), new ImportOptions(Source: "a", FullExtract: true));
        AssertSameAsFromTheStore(store, "store, columns written");
    }

    [Fact]
    public void ACacheOfALaterImportIsNotUsedByAnAnalysisThatBeganBefore()
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", Stays(1, 30));
        var before = Measure(store, useCaches: false).Json;
        using var reader = MonitorStore.Open(_folder.Db);
        using var analysis = new Analysis(reader); // its snapshot sees a.csv only
        Import(store, "b.csv", Stays(2, 8));
        Measure(store, useCaches: true); // the cache now holds b.csv too
        var episodes = analysis.BuildEpisodes(new DateOnly(2021, 9, 30), 7, CareTypes.DefaultResidentialSet);
        Assert.Equal("store", analysis.SegmentsReadFrom);
        Assert.Equal(before, JsonDocuments.Measure(analysis.Measure(episodes, Year2020, null)));
    }

    [Fact]
    public void AStoreWhoseCacheCannotBeWrittenIsMeasuredAllTheSame()
    {
        using var store = MonitorStore.Open(_folder.Db);
        Import(store, "a.csv", Stays(1, 30));
        File.WriteAllText(CacheFolder, "a file where the cache folder would go");
        AssertSameAsFromTheStore(store, "store");
        AssertSameAsFromTheStore(store, "store");
    }

    [Fact]
    public void ADeltaGivesTheSameBytesAsAFullRebuild()
    {
        _folder.CopyExample("case-02-generated");
        string[] reference = ["providers.csv", "regions.csv", "caretypes.csv", "tariffs.csv"];
        Assert.Equal(0, CommandLine.RunIn(_folder, ["import", .. reference, "rijm_2015_2018.csv", "--db", "warm.db"]).Exit);
        string[] compare = ["compare", "--baseline", "2020", "--followup", "2021", "--as-of", "2022-06-30", "--json", "-"];
        Assert.Equal(0, CommandLine.RunIn(_folder, [.. compare, "--db", "warm.db"]).Exit); // caches of the first import
        Assert.Equal(0, CommandLine.RunIn(_folder, "import", "rijm_2019_2022.csv", "--db", "warm.db").Exit);
        var delta = CommandLine.RunIn(_folder, [.. compare, "--db", "warm.db"]);

        Assert.Equal(0, CommandLine.RunIn(_folder, ["import", .. reference, "rijm_2015_2018.csv", "rijm_2019_2022.csv", "--db", "cold.db"]).Exit);
        var full = CommandLine.RunIn(_folder, [.. compare, "--db", "cold.db"]);
        Assert.Equal(0, delta.Exit);
        Assert.Equal(full.Out, delta.Out);
    }

    /// <summary>
    /// The import property test's random scenarios (new youths, more rows of known ones, duplicates,
    /// refused rows, a shuffled copy, a full extract) imported file by file into one store; after each file
    /// a measurement with the caches as the earlier files left them, at a random as-of date, gap and
    /// residential set, gives the same document as one from the store alone.
    /// </summary>
    [Fact]
    public void AfterEveryRandomDeltaTheCachedFiguresAreThoseOfTheStore()
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 2 }, seed =>
        {
            var random = new Random(seed);
            using var folder = new TestFolder();
            using var store = MonitorStore.Open(folder.Db);
            var importer = new Importer(store, Keys);
            foreach (var (command, c) in Scenarios.Generate(seed, rowsPerFile: 60).Select((command, c) => (command, c)))
            foreach (var file in command.Files)
            {
                var bytes = file.Bytes(seed * 31 + c);
                importer.Import(folder.WriteBytes(file.Name, bytes), new ImportOptions(Source: file.Source, FullExtract: file.Full));
                var asOf = new DateOnly(2020, 12, 31).AddDays(random.Next(4) * 180);
                var gap = new[] { 0, 7, 30 }[random.Next(3)];
                IReadOnlyList<CareType> set = random.Next(3) == 0 ? [.. CareTypes.DefaultResidentialSet, CareType.Pleegzorg] : CareTypes.DefaultResidentialSet;
                var cached = Measure(store, useCaches: true, asOf, gap, set);
                if (cached.Json != Measure(store, useCaches: false, asOf, gap, set).Json)
                    failures.Add($"seed {seed}, after {file.Name} (as of {asOf:yyyy-MM-dd}, gap {gap}, {set.Count} care types; segments from {cached.How})");
            }
        });
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)));
    }
}
