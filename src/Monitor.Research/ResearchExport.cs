using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitor.Core.Domain;
using Monitor.Store;

namespace Monitor.Research;

public enum ExportFormat
{
    Parquet,
    Csv,
}

/// <summary>What an export wrote: rows per file, and seconds per stage (for <c>monitor bench export</c>).</summary>
public sealed record ExportResult(string Folder, long Episodes, long Segments, IReadOnlyList<(string Stage, double Seconds)> Stages);

/// <summary>
/// <c>monitor export</c>: <c>episodes</c> and <c>segments</c> (Parquet through Arrow, or CSV),
/// <c>dictionary.csv</c> and <c>parameters.json</c> in one folder. Written into a new folder beside the
/// target and moved into place at the end, so a reader never sees half an export, and a failed export
/// leaves the previous one as it was.
/// </summary>
public static class ResearchExport
{
    /// <summary>Rows per frame, Arrow batch and Parquet row group: memory stays flat in the store's size. Each
    /// chunk passes through three copies (frame, Arrow, Parquet's arrays); at a million rows those copies were
    /// gigabytes of large-object garbage that the GC let pile up (6 GB peak on the bench store).</summary>
    public const int ChunkRows = 1 << 16;

    public static async Task<ExportResult> WriteAsync(MonitorStore store, FrameRequest request, string folder, ExportFormat format,
        int? windowDays = null, string? asOfSource = null, Action<string>? progress = null)
    {
        var target = Path.GetFullPath(folder);
        if (File.Exists(target)) throw new IOException($"{folder} is a file, not a folder");
        var parent = Path.GetDirectoryName(target.TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".{Path.GetFileName(target.TrimEnd(Path.DirectorySeparatorChar))}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temporary);
        var stages = new List<(string, double)>();
        var watch = Stopwatch.StartNew();
        void Stage(string name)
        {
            stages.Add((name, watch.Elapsed.TotalSeconds));
            progress?.Invoke($"{name}: {watch.Elapsed.TotalSeconds:N1} s");
            watch.Restart();
        }
        try
        {
            using var frames = new ResearchFrames(store);
            // One snapshot for the episodes and the segments, so both files describe the same imports.
            using var analysis = new Analysis(store);
            var extension = format == ExportFormat.Parquet ? "parquet" : "csv";
            var plan = frames.Prepare(request, analysis);
            Stage($"built {plan.EpisodeCount:N0} episodes");
            var episodeSpecs = ExportColumns.EpisodeColumns(request.Period is not null);
            var metadata = Metadata(request, windowDays);
            long episodes = 0, segments = 0;
            await WriteFrames(Path.Combine(temporary, $"episodes.{extension}"), episodeSpecs, format, metadata,
                plan.EpisodeChunks(ChunkRows), rows => episodes += rows, progress);
            Stage($"wrote {episodes:N0} episodes");
            var links = plan.Links();
            plan = null; // the episode set and its segment array can go before the segments are streamed
            analysis.ReleaseSegments();
            GC.Collect();
            await WriteFrames(Path.Combine(temporary, $"segments.{extension}"), ExportColumns.Segment, format, metadata,
                frames.SegmentChunks(request, links, ChunkRows), rows => segments += rows, progress);
            Stage($"wrote {segments:N0} segments");

            WriteDictionary(Path.Combine(temporary, "dictionary.csv"), extension, episodeSpecs);
            File.WriteAllText(Path.Combine(temporary, "parameters.json"), Parameters(request, format, windowDays, asOfSource, episodes, segments));
            Replace(temporary, target);
            return new ExportResult(target, episodes, segments, stages);
        }
        catch
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
            throw;
        }
    }

    private static async Task WriteFrames(string path, IReadOnlyList<ColumnSpec> specs, ExportFormat format, IReadOnlyDictionary<string, string> metadata,
        IEnumerable<Microsoft.Data.Analysis.DataFrame> chunks, Action<long> rows, Action<string>? progress)
    {
        // Where the time goes, for monitor bench export: making the frames, Arrow, and the file itself.
        var (framing, arrow, writing) = (new Stopwatch(), new Stopwatch(), new Stopwatch());
        using var enumerator = chunks.GetEnumerator();
        bool Next()
        {
            framing.Start();
            var more = enumerator.MoveNext();
            framing.Stop();
            return more;
        }
        if (format == ExportFormat.Csv)
        {
            using var csv = new CsvSink(path, specs);
            while (Next())
            {
                writing.Start();
                csv.Write(enumerator.Current);
                writing.Stop();
                rows(enumerator.Current.Rows.Count);
            }
        }
        else
        {
            // Two stages side by side on the two cores: frames and Arrow batches are made while the previous
            // batch is written. At most one batch waits, so memory stays that of a few chunks.
            await using var sink = await ParquetSink.CreateAsync(path, specs, metadata);
            var batches = System.Threading.Channels.Channel.CreateBounded<Apache.Arrow.RecordBatch>(1);
            var heapAfterCollect = GC.GetTotalMemory(false);
            var producer = Task.Run(async () =>
            {
                try
                {
                    while (Next())
                    {
                        arrow.Start();
                        var batch = ArrowBridge.ToRecordBatch(enumerator.Current, specs);
                        arrow.Stop();
                        await batches.Writer.WriteAsync(batch);
                    }
                    batches.Writer.Complete();
                }
                catch (Exception e)
                {
                    batches.Writer.Complete(e);
                }
            });
            await foreach (var batch in batches.Reader.ReadAllAsync())
            {
                // Arrow's builders allocate native memory, which only Dispose (or, much later, a finaliser)
                // gives back: undisposed, the batches held 2 GB at the peak on the bench store.
                using (batch)
                {
                    writing.Start();
                    await sink.WriteAsync(batch);
                    writing.Stop();
                    rows(batch.Length);
                }
                // Each chunk leaves large arrays behind. With the episode set live (over a GB on the bench store) the
                // GC let another GB and more of them pile up before a full collection (3.3 GB peak): a full
                // collection whenever the heap has grown by 128 MB keeps the peak near the live set.
                if (GC.GetTotalMemory(false) - heapAfterCollect > 128L << 20)
                {
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
                    heapAfterCollect = GC.GetTotalMemory(false);
                }
            }
            await producer;
        }
        progress?.Invoke($"  {Path.GetFileName(path)}: frames {framing.Elapsed.TotalSeconds:N1} s, Arrow {arrow.Elapsed.TotalSeconds:N1} s, writing {writing.Elapsed.TotalSeconds:N1} s");
    }

    /// <summary>Moves the finished folder into place; an earlier export there is replaced only now.</summary>
    private static void Replace(string temporary, string target)
    {
        string? old = null;
        if (Directory.Exists(target))
        {
            old = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.old-{Guid.NewGuid():N}");
            Directory.Move(target, old);
        }
        Directory.Move(temporary, target);
        if (old is not null) Directory.Delete(old, recursive: true);
    }

    private static Dictionary<string, string> Metadata(FrameRequest request, int? windowDays) => new()
    {
        ["verblijfsmonitor.note"] = ExportColumns.Note,
        ["verblijfsmonitor.as_of"] = Date(request.AsOf),
        ["verblijfsmonitor.gap_days"] = request.GapDays.ToString(CultureInfo.InvariantCulture),
        ["verblijfsmonitor.period"] = request.Period?.ToString() ?? "",
        ["verblijfsmonitor.window_days"] = windowDays?.ToString(CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>dictionary.csv: every column of both files with its type, unit, meaning and protocol section;
    /// the first row says what the export is (and is not).</summary>
    private static void WriteDictionary(string path, string extension, IReadOnlyList<ColumnSpec> episodeSpecs)
    {
        var text = new StringBuilder();
        text.Append("file,column,type,nullable,unit,meaning,protocol\n");
        void Row(params string[] cells) => text.Append(string.Join(",", cells.Select(CsvSink.Quote))).Append('\n');
        Row("*", "", "", "", "", ExportColumns.Note, "8");
        foreach (var (file, specs) in new[] { ($"episodes.{extension}", episodeSpecs), ($"segments.{extension}", ExportColumns.Segment) })
        foreach (var s in specs)
            Row(file, s.Name, s.TypeWord, s.Nullable ? "TRUE" : "FALSE", s.Unit, s.Meaning, s.Protocol);
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(true));
    }

    private static string Parameters(FrameRequest request, ExportFormat format, int? windowDays, string? asOfSource, long episodes, long segments)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("note", ExportColumns.Note);
            w.WriteString("command", "monitor export");
            w.WriteString("format", format == ExportFormat.Parquet ? "parquet" : "csv");
            w.WriteString("as_of", Date(request.AsOf));
            if (asOfSource is not null) w.WriteString("as_of_from", asOfSource);
            if (windowDays is { } window) w.WriteNumber("window_days", window);
            else w.WriteNull("window_days");
            if (request.Period is { } p)
            {
                w.WriteStartObject("period");
                w.WriteString("from", Date(p.From));
                w.WriteString("to", Date(p.To));
                w.WriteEndObject();
            }
            else w.WriteNull("period");
            w.WriteNumber("gap_days", request.GapDays);
            w.WriteString("region", request.Region);
            w.WriteStartArray("residential_set");
            foreach (var type in request.Set) w.WriteStringValue(type.Word());
            w.WriteEndArray();
            w.WriteNumber("top_n", request.TopN);
            w.WriteStartObject("rows");
            w.WriteNumber("episodes", episodes);
            w.WriteNumber("segments", segments);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
