using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using Monitor.Core.Publication;
using Monitor.Core.Statistics;

namespace Monitor.Store.Caching;

/// <summary>
/// A cohort's sums kept beside the store (<c>sums-KEY.json</c>; a trend year or a row of the sensitivity table) with
/// the store version they were made at. The key names everything the sums follow from besides the store: the period,
/// its as-of date, the gap rule, the residential set, the region and the code that makes them (the modules of the core
/// and the store, so a changed rule never meets sums of the old one). Whether they still hold, or can be brought up to
/// date, is <see cref="Analysis"/>'s to say. Written whole or not at all (<see cref="AtomicFile"/>); a file that cannot
/// be read is made anew.
/// </summary>
internal sealed class CohortSumsFile : IKeptSumsFile<CohortSums>
{
    private const int Format = 1;

    /// <summary>How many files are kept, the most recently used first: a report writes 19 (eleven trend years, eight
    /// table cells), so this holds a dozen reports' worth of other windows, gap rules and regions.</summary>
    internal const int KeptFiles = 256;

    public static string PathIn(string folder, Period period, DateOnly asOf, int gapDays, IEnumerable<CareType> residentialSet, string? region) =>
        KeptSumsFiles.PathIn(folder, "sums", "json", Format, typeof(CohortSums).Module.ModuleVersionId, typeof(CohortSumsFile).Module.ModuleVersionId,
            period.From, period.To, asOf, gapDays, string.Join(",", residentialSet.Select(c => c.ToString()).Order()), region);

    public static (StoreVersion Version, CohortSums Sums)? Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("format").GetInt32() != Format) return null;
            var v = root.GetProperty("store_version");
            var version = new StoreVersion(v.GetProperty("last_import").GetInt64(), v.GetProperty("imports").GetInt64(),
                Convert.FromHexString(v.GetProperty("fingerprint").GetString()!), v.GetProperty("max_segment_id").GetInt64());
            var s = root.GetProperty("sums");
            var t = s.GetProperty("totals");
            int I(string name) => t.GetProperty(name).GetInt32();
            long L(string name) => t.GetProperty(name).GetInt64();
            var totals = new CohortSums.Counts(I("episodes"), I("youths"), L("days"), L("moves"), L("residential_days"), I("exited"), I("exited_youths"),
                L("exited_days"), I("entries"), I("entry_youths"));
            var times = s.GetProperty("entry_times").EnumerateArray()
                .ToDictionary(e => new SurvivalTime(e.GetProperty("days").GetInt32(), e.GetProperty("event").GetBoolean()), e => e.GetProperty("count").GetInt32());
            var municipalities = s.GetProperty("municipalities").EnumerateArray()
                .ToDictionary(e => e.GetProperty("municipality").GetInt32(), e => e.GetProperty("episodes").GetInt32());
            var open = s.GetProperty("open_segments").EnumerateArray()
                .ToDictionary(e => new ExtractCoverage(e.GetProperty("import").GetInt64(), e.GetProperty("file").GetString()!, Date(e, "coverage_date")),
                    e => e.GetProperty("segments").GetInt32());
            return (version, new CohortSums(new Period(Date(s, "from"), Date(s, "to")), Date(s, "as_of"), totals, times, municipalities, open));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException
                                      or FormatException or ArgumentException or OverflowException)
        {
            // Missing, damaged or of another shape: made anew.
            return null;
        }
    }

    public static void Write(string path, StoreVersion version, CohortSums sums)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("format", Format);
            w.WriteStartObject("store_version");
            w.WriteNumber("last_import", version.LastImport);
            w.WriteNumber("imports", version.Imports);
            w.WriteString("fingerprint", Convert.ToHexStringLower(version.Fingerprint));
            w.WriteNumber("max_segment_id", version.MaxSegmentId);
            w.WriteEndObject();
            w.WriteStartObject("sums");
            w.WriteString("from", sums.Period.From.ToString("O"));
            w.WriteString("to", sums.Period.To.ToString("O"));
            w.WriteString("as_of", sums.AsOf.ToString("O"));
            var t = sums.Totals;
            w.WriteStartObject("totals");
            foreach (var (name, value) in new (string, long)[]
                     {
                         ("episodes", t.Episodes), ("youths", t.Youths), ("days", t.Days), ("moves", t.Moves), ("residential_days", t.ResidentialDays),
                         ("exited", t.Exited), ("exited_youths", t.ExitedYouths), ("exited_days", t.ExitedDays), ("entries", t.Entries),
                         ("entry_youths", t.EntryYouths),
                     })
                w.WriteNumber(name, value);
            w.WriteEndObject();
            w.WriteStartArray("entry_times");
            foreach (var (time, count) in sums.EntryTimes.OrderBy(p => p.Key.Days).ThenBy(p => p.Key.Event))
            {
                w.WriteStartObject();
                w.WriteNumber("days", time.Days);
                w.WriteBoolean("event", time.Event);
                w.WriteNumber("count", count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("municipalities");
            foreach (var (municipality, episodes) in sums.Municipalities.OrderBy(p => p.Key))
            {
                w.WriteStartObject();
                w.WriteNumber("municipality", municipality);
                w.WriteNumber("episodes", episodes);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("open_segments");
            foreach (var (source, segments) in sums.OpenSegments.OrderBy(p => p.Key.ImportId))
            {
                w.WriteStartObject();
                w.WriteNumber("import", source.ImportId);
                w.WriteString("file", source.File);
                w.WriteString("coverage_date", source.CoverageDate.ToString("O"));
                w.WriteNumber("segments", segments);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        try
        {
            AtomicFile.Write(path, Encoding.UTF8.GetString(stream.ToArray()));
            Prune(Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A store in a folder that cannot be written is measured all the same, every time.
        }
    }

    public static void Touch(string path) => KeptSumsFiles.Touch(path);

    /// <summary>Keeps the <see cref="KeptFiles"/> most recently used files and deletes the rest, and the trend years
    /// an earlier version kept (<c>trend-*.json</c>, which nothing reads any more).</summary>
    private static void Prune(string folder)
    {
        KeptSumsFiles.Prune(folder, "sums-*.json", KeptFiles);
        KeptSumsFiles.Prune(folder, "trend-*.json", 0);
    }

    private static DateOnly Date(JsonElement e, string name) => DateOnly.ParseExact(e.GetProperty(name).GetString()!, "O", CultureInfo.InvariantCulture);
}
