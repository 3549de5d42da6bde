using System.Buffers;
using Monitor.Integration.Tests.Support;
using Microsoft.Data.Analysis;
using Monitor.Research;

namespace Monitor.Integration.Tests;

/// <summary>Exports written and read while other threads work come back as written. Parquet.Net 6.1.0 reads a
/// column into nullable values through a rented, uncleared buffer of definition levels, so a required value came
/// back missing where earlier work had left a negative number in the pool (ParquetFrames.ReadValuesAsync).</summary>
public sealed class ParquetConcurrencyTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ParallelExportsAndReadsGiveTheSameRows()
    {
        var db = ImportedExample();
        var request = new FrameRequest(new DateOnly(2022, 6, 30));
        object?[][] expected;
        using (var frames = ResearchFrames.Open(db))
        {
            var segments = frames.Segments(request);
            expected = segments.Columns.Select(c => Enumerable.Range(0, (int)segments.Rows.Count).Select(r => c[r]).ToArray()).ToArray();
        }
        var bad = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 24), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var folder = _folder.File("e" + i % 6);
            if (i < 6)
            {
                using var store = Monitor.Store.MonitorStore.Open(db);
                await ResearchExport.WriteAsync(store, request, folder, ExportFormat.Parquet);
            }
            else
            {
                while (!File.Exists(Path.Combine(folder, "segments.parquet"))) await Task.Delay(50);
                var frame = await ParquetFrames.ReadAsync(Path.Combine(folder, "segments.parquet"), ExportColumns.Segment);
                for (var c = 0; c < frame.Columns.Count; c++)
                for (var r = 0; r < expected[c].Length; r++)
                    if (!Equals(frame.Columns[c][r], expected[c][r]))
                    {
                        bad.Add($"{folder} {frame.Columns[c].Name}[{r}]: {frame.Columns[c][r]} vs {expected[c][r]}");
                        return;
                    }
            }
        });
        Assert.True(bad.IsEmpty, string.Join(Environment.NewLine, bad));
    }

    [Fact]
    public async Task AnExportWrittenAndReadAfterOtherWorkLeftNegativeNumbersInTheSharedPoolComesBackAsWritten()
    {
        var db = ImportedExample();
        var request = new FrameRequest(new DateOnly(2022, 6, 30));
        DataFrame episodes, segments;
        using (var frames = ResearchFrames.Open(db)) (episodes, segments) = (frames.Episodes(request), frames.Segments(request));

        LeaveNegativeNumbersInTheSharedPools();
        using (var store = Monitor.Store.MonitorStore.Open(db))
            await ResearchExport.WriteAsync(store, request, _folder.File("e"), ExportFormat.Parquet);
        LeaveNegativeNumbersInTheSharedPools();
        AssertSame(episodes, await ParquetFrames.ReadAsync(_folder.File("e/episodes.parquet"), ExportColumns.EpisodeColumns(false)));
        LeaveNegativeNumbersInTheSharedPools();
        AssertSame(segments, await ParquetFrames.ReadAsync(_folder.File("e/segments.parquet"), ExportColumns.Segment));
    }

    /// <summary>The store of worked example 02, imported.</summary>
    private string ImportedExample()
    {
        _folder.CopyExample("case-02-generated");
        Assert.Equal(0, CommandLine.RunIn(_folder, "import", "providers.csv", "regions.csv", "caretypes.csv", "tariffs.csv",
            "rijm_2015_2018.csv", "rijm_2019_2022.csv", "--db", "c.db").Exit);
        return _folder.File("c.db");
    }

    /// <summary>What any earlier work may leave in the process's shared array pools: here -1 everywhere (it made
    /// Parquet.Net 6.1.0 read every value of a required column as missing).</summary>
    private static void LeaveNegativeNumbersInTheSharedPools()
    {
        for (var size = 16; size <= 1 << 20; size *= 2)
        {
            var ints = Enumerable.Range(0, 64).Select(_ => ArrayPool<int>.Shared.Rent(size)).ToList();
            foreach (var array in ints) { Array.Fill(array, -1); ArrayPool<int>.Shared.Return(array); }
            var bytes = Enumerable.Range(0, 64).Select(_ => ArrayPool<byte>.Shared.Rent(size)).ToList();
            foreach (var array in bytes) { Array.Fill(array, (byte)0xFF); ArrayPool<byte>.Shared.Return(array); }
        }
    }

    private static void AssertSame(DataFrame expected, DataFrame actual)
    {
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        Assert.Equal(expected.Columns.Select(c => c.Name), actual.Columns.Select(c => c.Name));
        for (var c = 0; c < expected.Columns.Count; c++)
        for (var r = 0L; r < expected.Rows.Count; r++)
            if (!Equals(expected.Columns[c][r], actual.Columns[c][r]))
                Assert.Fail($"{expected.Columns[c].Name}[{r}]: {actual.Columns[c][r] ?? "missing"}, expected {expected.Columns[c][r]}");
    }
}
