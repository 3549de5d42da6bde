using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using Monitor.Core.Publication;

namespace Monitor.Store.Caching;

/// <summary>
/// A trend year kept beside the store (<c>trend-KEY.json</c>) with the store version it was measured at. The key
/// names everything the year's figures follow from besides the store: the year, its as-of date, the gap rule, the
/// residential set, the region, top-N and the code that measures (the modules of the core and the store, so a
/// changed rule never meets figures of the old one). Whether the store still holds what the year read is
/// <see cref="MonitorStore.UnchangedUpTo"/>'s to say. Written whole or not at all (<see cref="AtomicFile"/>); a
/// file that cannot be read is measured anew.
/// </summary>
internal static class TrendYearFile
{
    private const int Format = 1;

    public static string PathIn(string folder, Period period, DateOnly asOf, int gapDays, IEnumerable<CareType> residentialSet, string? region,
        int topN)
    {
        var text = string.Join('|', Format, typeof(TrendFigures).Module.ModuleVersionId, typeof(TrendYearFile).Module.ModuleVersionId,
            period.From.ToString("O"), period.To.ToString("O"), asOf.ToString("O"), gapDays, string.Join(",", residentialSet.Select(c => c.ToString()).Order()),
            region ?? "", topN);
        return Path.Combine(folder, $"trend-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12)}.json");
    }

    public static (StoreVersion Version, TrendYear Year)? Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("format").GetInt32() != Format) return null;
            var v = root.GetProperty("store_version");
            var version = new StoreVersion(v.GetProperty("last_import").GetInt64(), v.GetProperty("imports").GetInt64(),
                Convert.FromHexString(v.GetProperty("fingerprint").GetString()!), v.GetProperty("max_segment_id").GetInt64());
            var y = root.GetProperty("year");
            var period = new Period(Date(y, "from"), Date(y, "to"));
            var warnings = y.GetProperty("warnings").EnumerateArray().Select(w => new CoverageWarning(w.GetProperty("file").GetString()!,
                Date(w, "coverage_date"), Date(w, "as_of"), w.GetProperty("open_segments").GetInt32())).ToList();
            var figures = y.GetProperty("figures").EnumerateArray().Select(f => new Figure(f.GetProperty("key").GetString()!,
                Enum.Parse<FigureKind>(f.GetProperty("kind").GetString()!), Number(f.GetProperty("value")), f.GetProperty("youths").GetInt32(),
                Text(f, "numerator"), Text(f, "denominator"), Text(f, "from"), Text(f, "to"), Text(f, "of"))).ToList();
            return (version, new TrendYear(period, Date(y, "as_of"), y.GetProperty("prefix").GetString()!, warnings, figures));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException
                                      or FormatException or ArgumentException or OverflowException)
        {
            // Missing, damaged or of another shape: measured anew.
            return null;
        }
    }

    public static void Write(string path, StoreVersion version, TrendYear year)
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
            w.WriteStartObject("year");
            w.WriteString("from", year.Period.From.ToString("O"));
            w.WriteString("to", year.Period.To.ToString("O"));
            w.WriteString("as_of", year.AsOf.ToString("O"));
            w.WriteString("prefix", year.Prefix);
            w.WriteStartArray("warnings");
            foreach (var warning in year.Warnings)
            {
                w.WriteStartObject();
                w.WriteString("file", warning.File);
                w.WriteString("coverage_date", warning.CoverageDate.ToString("O"));
                w.WriteString("as_of", warning.AsOf.ToString("O"));
                w.WriteNumber("open_segments", warning.OpenSegments);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("figures");
            foreach (var figure in year.Figures)
            {
                w.WriteStartObject();
                w.WriteString("key", figure.Key);
                w.WriteString("kind", figure.Kind.ToString());
                // Written as text: the exact double back, and no JSON limit on values that are not finite.
                if (figure.Value is { } value) w.WriteString("value", value.ToString("R", CultureInfo.InvariantCulture));
                else w.WriteNull("value");
                w.WriteNumber("youths", figure.Youths);
                foreach (var (name, text) in new[] { ("numerator", figure.Numerator), ("denominator", figure.Denominator), ("from", figure.From),
                             ("to", figure.To), ("of", figure.Of) })
                    if (text is not null) w.WriteString(name, text);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        try
        {
            AtomicFile.Write(path, Encoding.UTF8.GetString(stream.ToArray()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A store in a folder that cannot be written is measured all the same, every time.
        }
    }

    private static DateOnly Date(JsonElement e, string name) => DateOnly.ParseExact(e.GetProperty(name).GetString()!, "O", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var p) ? p.GetString() : null;

    private static double? Number(JsonElement e) =>
        e.ValueKind == JsonValueKind.Null ? null : double.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
}
