using Monitor.Integration.Tests.Support;
using Monitor.Research;

namespace Monitor.Integration.Tests;

/// <summary>Exports written and read while other threads work come back as written (Parquet.Net 6.1.0 did not,
/// now and then, before ParquetSink.Gate and the pinned arrays: see there).</summary>
public sealed class ParquetConcurrencyTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ParallelExportsAndReadsGiveTheSameRows()
    {
        _folder.CopyExample("case-02-generated");
        Assert.Equal(0, CommandLine.RunIn(_folder, "import", "providers.csv", "regions.csv", "caretypes.csv", "tariffs.csv",
            "rijm_2015_2018.csv", "rijm_2019_2022.csv", "--db", "c.db").Exit);
        var db = _folder.File("c.db");
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
}
