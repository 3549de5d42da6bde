using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;
using Monitor.Core.Domain;
using Monitor.Integration.Tests.Support;
using Monitor.Research;
using Monitor.Store;

namespace Monitor.Integration.Tests;

/// <summary>The researcher's frames and exports (issue 13): the same rows as <c>monitor episodes</c> and
/// <c>monitor measure</c>, read back unchanged, codes with their zeros, and no BSN anywhere.</summary>
public sealed class ResearchExportTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly DateOnly AsOf = new(2022, 6, 30);
    private static FrameRequest WithPeriod => new(AsOf, Period: Period.Year(2020));

    private string ImportCase02()
    {
        _folder.CopyExample("case-02-generated");
        var result = CommandLine.RunIn(_folder, "import", "providers.csv", "regions.csv", "caretypes.csv", "tariffs.csv",
            "rijm_2015_2018.csv", "rijm_2019_2022.csv", "--db", "case02.db");
        Assert.True(result.Exit == 0, result.ToString());
        return _folder.File("case02.db");
    }

    private CommandLine.Result Export(string db, params string[] args)
    {
        var result = CommandLine.Run(["export", "--db", db, .. args]);
        return result;
    }

    [Fact]
    public void TheEpisodeFrameEqualsMonitorEpisodesCsvRowForRow()
    {
        var db = ImportCase02();
        var csv = CommandLine.Run("episodes", "--as-of", "2022-06-30", "--csv", "-", "--db", db);
        Assert.True(csv.Exit == 0, csv.ToString());
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("youth_key,start,end,ongoing,duration_days,providers,placement_moves,cost_eur,segments_without_cost,municipality,region", lines[0]);

        using var frames = ResearchFrames.Open(db);
        var frame = frames.Episodes(new FrameRequest(AsOf));
        Assert.Equal(lines.Length - 1, frame.Rows.Count);
        for (var i = 0; i < frame.Rows.Count; i++)
        {
            var cells = lines[i + 1].Split(',');
            var row = frame.Rows[i];
            string Text(string column) => frame[column][i] switch
            {
                null => "",
                DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString()!,
            };
            Assert.Equal(i + 1L, frame["episode_id"][i]);
            string[] fromFrame =
            [
                Text("youth_key"), Text("start"), Text("end"), Text("ongoing"), Text("duration_days"), Text("provider_count"), Text("placement_moves"),
                (((long)frame["cost_eur_x10000"][i]!) / 10_000m).ToString(CultureInfo.InvariantCulture), Text("segments_without_cost"),
                Text("municipality"), Text("region"),
            ];
            // The CSV writes the cost as the decimal it was summed as; trailing zeros aside, the same number.
            Assert.Equal(decimal.Parse(cells[7], CultureInfo.InvariantCulture), decimal.Parse(fromFrame[7], CultureInfo.InvariantCulture));
            cells[7] = fromFrame[7];
            Assert.Equal(cells, fromFrame);
        }
    }

    [Fact]
    public void TheCohortFlagsAddUpToTheMeasurementsFigures()
    {
        var db = ImportCase02();
        var measure = CommandLine.Run("measure", "--period", "2020", "--as-of", "2022-06-30", "--json", "-", "--db", db);
        using var json = JsonDocument.Parse(measure.Out);
        var counts = json.RootElement.GetProperty("counts");
        using var frames = ResearchFrames.Open(db);
        var episodes = frames.Episodes(WithPeriod);
        long Sum(string flag) => ((BooleanDataFrameColumn)episodes[flag]).Count(b => b == true);

        Assert.Equal(counts.GetProperty("episodes").GetInt64(), Sum("in_cohort"));
        Assert.Equal(counts.GetProperty("exited_in_period").GetInt64(), Sum("exited_in_period"));
        Assert.Equal(counts.GetProperty("exited_by_as_of").GetInt64(), Sum("exited_by_as_of"));
        Assert.Equal(counts.GetProperty("ongoing_at_as_of").GetInt64(), Sum("ongoing_at_as_of"));
        Assert.Equal(counts.GetProperty("entries_in_period").GetInt64(), Sum("entry_in_period"));
        Assert.Equal(counts.GetProperty("short_episodes").GetInt64(), Sum("short_episode"));
        Assert.Equal(json.RootElement.GetProperty("entry_cohort_8plus").GetProperty("episodes").GetInt64(), Sum("entry_8plus"));
        Assert.Equal(Math.Min(25, counts.GetProperty("episodes").GetInt64()), Sum("top_n"));
        Assert.Equal(json.RootElement.GetProperty("outcomes").GetProperty("residential_days").GetInt64(),
            ((Int32DataFrameColumn)episodes["residential_days_in_period"]).Sum(v => (long)(v ?? 0)));

        var cohort = frames.Cohort(WithPeriod);
        Assert.Equal(counts.GetProperty("episodes").GetInt64(), cohort.Rows.Count);
        Assert.Equal(counts.GetProperty("youths").GetInt32(), ((StringDataFrameColumn)cohort["youth_key"]).Distinct().Count());
        Assert.Equal(json.RootElement.GetProperty("duration_days").GetProperty("mean_all").GetDouble(), (double)cohort["duration_days"].Mean(), 9);
    }

    [Fact]
    public async Task TheParquetFilesReadBackEqualTheFrames()
    {
        var db = ImportCase02();
        var export = _folder.File("export");
        var result = Export(db, "--as-of", "2022-06-30", "--period", "2020", "--out", export);
        Assert.True(result.Exit == 0, result.ToString());

        using var frames = ResearchFrames.Open(db);
        AssertFramesEqual(frames.Episodes(WithPeriod), await ParquetFrames.ReadAsync(Path.Combine(export, "episodes.parquet"), ExportColumns.EpisodeColumns(true)));
        AssertFramesEqual(frames.Segments(WithPeriod), await ParquetFrames.ReadAsync(Path.Combine(export, "segments.parquet"), ExportColumns.Segment));
    }

    [Fact]
    public async Task TheFramesChunkedForTheExportAreTheWholeFrame()
    {
        // The export writes 1M-row chunks; with tiny chunks the rows must be the same as in one frame.
        var db = ImportCase02();
        using var frames = ResearchFrames.Open(db);
        List<Microsoft.Data.Analysis.DataFrame> chunks, segmentChunks;
        using (var analysis = new Analysis(frames.Store))
        {
            var plan = frames.Prepare(WithPeriod, analysis);
            chunks = plan.EpisodeChunks(37).ToList();
            segmentChunks = frames.SegmentChunks(WithPeriod, plan.Links(), 101).ToList();
        }
        Assert.True(chunks.Count > 3);
        var whole = frames.Episodes(WithPeriod);
        var glued = chunks[0];
        foreach (var chunk in chunks.Skip(1)) glued = glued.Append(chunk.Rows, inPlace: false);
        Assert.Equal(whole.Rows.Count, glued.Rows.Count);
        for (var c = 0; c < whole.Columns.Count; c++)
        for (var i = 0; i < whole.Rows.Count; i++)
            Assert.Equal(whole.Columns[c][i], glued.Columns[c][i]);
        Assert.Equal(frames.Segments(WithPeriod).Rows.Count, segmentChunks.Sum(s => s.Rows.Count));
        await Task.CompletedTask;
    }

    [Fact]
    public void CodesKeepTheirLeadingZerosInEveryFormat()
    {
        var db = ImportCase02();
        var parquet = _folder.File("export");
        var csv = _folder.File("export-csv");
        Assert.Equal(0, Export(db, "--as-of", "2022-06-30", "--out", parquet).Exit);
        Assert.Equal(0, Export(db, "--as-of", "2022-06-30", "--out", csv, "--format", "csv").Exit);

        using var frames = ResearchFrames.Open(db);
        var municipalities = ((StringDataFrameColumn)frames.Episodes(new FrameRequest(AsOf))["municipality"]).ToList();
        Assert.All(municipalities, m => Assert.Matches("^[0-9]{4}$", m));
        Assert.Contains(municipalities, m => m!.StartsWith('0'));
        Assert.All(((StringDataFrameColumn)frames.Segments(new FrameRequest(AsOf))["provider"]), p => Assert.Matches("^[0-9]{8}$", p));

        using (var duck = new DuckDBConnection("DataSource=:memory:"))
        {
            duck.Open();
            using var command = duck.CreateCommand();
            command.CommandText = "SET autoinstall_known_extensions = false; " +
                $"SELECT typeof(municipality), count(*) FILTER (WHERE municipality LIKE '0%') FROM read_parquet('{Path.Combine(parquet, "episodes.parquet")}') GROUP BY 1";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal("VARCHAR", reader.GetString(0));
            Assert.True(reader.GetInt64(1) > 0);
        }
        var csvText = File.ReadAllText(Path.Combine(csv, "episodes.csv"));
        Assert.Matches(",0[0-9]{3},", csvText);
        var dictionary = File.ReadAllLines(Path.Combine(csv, "dictionary.csv"));
        Assert.Contains(dictionary, l => l.StartsWith("episodes.csv,municipality,string,", StringComparison.Ordinal));
        Assert.Contains(dictionary, l => l.StartsWith("segments.csv,provider,string,", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCsvVariantHasABomIsoDatesPointDecimalsAndLogicalWords()
    {
        var db = ImportCase02();
        var csv = _folder.File("export-csv");
        var result = Export(db, "--window", "181", "--period", "2020", "--out", csv, "--format", "csv");
        Assert.True(result.Exit == 0, result.ToString());
        var bytes = File.ReadAllBytes(Path.Combine(csv, "episodes.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n');
        var header = lines[0].Split(',');
        var first = lines[1].Split(',');
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", first[Array.IndexOf(header, "start")]);
        Assert.Contains(first[Array.IndexOf(header, "ongoing")], new[] { "TRUE", "FALSE" });
        using var parameters = JsonDocument.Parse(File.ReadAllText(Path.Combine(csv, "parameters.json")));
        Assert.Equal("2021-06-30", parameters.RootElement.GetProperty("as_of").GetString()); // 2020-12-31 + 181 days
        Assert.Equal(181, parameters.RootElement.GetProperty("window_days").GetInt32());
        Assert.Contains("not publishable figures", parameters.RootElement.GetProperty("note").GetString());
        Assert.Contains("not publishable figures", File.ReadAllText(Path.Combine(csv, "dictionary.csv")));
    }

    [Fact]
    public async Task NoCitizenNumberIsInAnyExport()
    {
        var bsns = Extracts.Bsns(77).Take(30).ToList();
        var rows = bsns.Select((b, i) => Extracts.Row(b, $"2020-{1 + i % 12:D2}-01", i % 4 == 0 ? null : $"2020-{1 + i % 12:D2}-25", municipality: "0034"))
            .Append(Extracts.Row(bsns[0], "2020-03-01", "2019-01-01")) // a refused row of a valid BSN
            .ToList();
        var file = _folder.Write("bsn.csv", Extracts.File([.. rows]));
        Assert.Equal(0, CommandLine.Run("import", file, "--db", _folder.Db).Exit);
        var needles = bsns.Select(Encoding.ASCII.GetBytes).ToList();
        foreach (var format in new[] { "parquet", "csv" })
        {
            var export = _folder.File("export-" + format);
            var result = Export(_folder.Db, "--as-of", "2021-06-30", "--period", "2020", "--out", export, "--format", format);
            Assert.True(result.Exit == 0, result.ToString());
            Assert.DoesNotContain(bsns, b => result.Out.Contains(b, StringComparison.Ordinal));
            foreach (var path in Directory.GetFiles(export))
            {
                var bytes = File.ReadAllBytes(path);
                Assert.DoesNotContain(needles, n => bytes.AsSpan().IndexOf(n) >= 0);
            }
        }
        // Parquet pages may be compressed: the values read back are free of them too.
        var folder = _folder.File("export-parquet");
        foreach (var frame in new[]
                 {
                     await ParquetFrames.ReadAsync(Path.Combine(folder, "episodes.parquet"), ExportColumns.EpisodeColumns(true)),
                     await ParquetFrames.ReadAsync(Path.Combine(folder, "segments.parquet"), ExportColumns.Segment),
                 })
        {
            Assert.Equal(30, ((StringDataFrameColumn)frame["youth_key"]).Distinct().Count());
            foreach (var column in frame.Columns.OfType<StringDataFrameColumn>())
                Assert.DoesNotContain(column, value => value is not null && bsns.Any(b => value.Contains(b, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void BadArgumentsAreOneLineAndExitTwo_AndAFailedExportLeavesThePreviousOne()
    {
        var db = ImportCase02();
        var export = _folder.File("export");
        Assert.Equal(0, Export(db, "--as-of", "2022-06-30", "--out", export).Exit);
        File.WriteAllText(Path.Combine(export, "marker"), "from the first export");
        string[][] bad =
        [
            ["--as-of", "2022-06-30", "--window", "10", "--period", "2020"],
            ["--window", "10"],
            ["--window", "-1", "--period", "2020"],
            [],
            ["--as-of", "2022-06-30", "--format", "xlsx"],
            ["--as-of", "2020-06-30", "--period", "2020"],
            ["--as-of", "2022-06-30", "--region", "Atlantis"],
            ["--as-of", "30-06-2022"],
        ];
        foreach (var args in bad)
        {
            var result = Export(db, [.. args, "--out", export]);
            Assert.True(result.Exit == 2, $"{string.Join(' ', args)}: {result}");
            Assert.Single(result.Err.Trim().Split('\n'));
            Assert.StartsWith("monitor: ", result.Err);
        }
        Assert.True(File.Exists(Path.Combine(export, "marker")));
        Assert.Equal(0, Export(db, "--as-of", "2022-06-30", "--out", export).Exit);
        Assert.False(File.Exists(Path.Combine(export, "marker"))); // replaced whole
        Assert.Empty(Directory.GetDirectories(_folder.Path, ".export.*"));
        Assert.Equal(["dictionary.csv", "episodes.parquet", "parameters.json", "segments.parquet"],
            Directory.GetFiles(export).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static void AssertFramesEqual(DataFrame expected, DataFrame actual)
    {
        Assert.Equal(expected.Columns.Select(c => (c.Name, c.DataType)), actual.Columns.Select(c => (c.Name, c.DataType)));
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (var c = 0; c < expected.Columns.Count; c++)
        for (long i = 0; i < expected.Rows.Count; i++)
            Assert.True(Equals(expected.Columns[c][i], actual.Columns[c][i]), $"{expected.Columns[c].Name}[{i}]: {expected.Columns[c][i]} vs {actual.Columns[c][i]}");
    }
}
