using Monitor.Core.Domain;
using Monitor.Core.Measurements;

namespace Monitor.Store.Caching;

/// <summary>
/// A measurement's bootstrap sums (<see cref="BootstrapSums"/>) kept beside the store (<c>bootstrap-KEY.sums</c>) with the
/// store version they were made at: raw little-endian numbers with a checksum (<see cref="ColumnWriter"/>), since a
/// thousand replicates' counts per duration run to tens of megabytes. The key names everything the sums follow from
/// besides the store: the period, its as-of date, the gap rule, the residential set, the region, the replicates, the
/// seed and the code that makes them. Whether they still hold, or can be brought up to date, is
/// <see cref="Analysis"/>'s to say. Written whole or not at all; a file that cannot be read is made anew.
/// </summary>
internal sealed class BootstrapSumsFile : IKeptSumsFile<BootstrapSums>
{
    private const long Magic = 0x31_30_53_54_4F_4F_42_56; // "VBOOTS01"
    private const long Format = 1;

    /// <summary>How many files are kept, the most recently used first: a report writes two (its baseline and follow-up),
    /// each some 50 MB at ten million rows.</summary>
    internal const int KeptFiles = 8;

    public static string PathIn(string folder, Period period, DateOnly asOf, int gapDays, IEnumerable<CareType> residentialSet, string? region,
        int replicates, ulong seed) =>
        KeptSumsFiles.PathIn(folder, "bootstrap", "sums", Format, typeof(BootstrapSums).Module.ModuleVersionId,
            typeof(BootstrapSumsFile).Module.ModuleVersionId, period.From, period.To, asOf, gapDays,
            string.Join(",", residentialSet.Select(c => c.ToString()).Order()), region, replicates, seed);

    public static (StoreVersion Version, BootstrapSums Sums)? Read(string path)
    {
        using var reader = ColumnReader.Open(path);
        if (reader is null) return null;
        try
        {
            Span<long> header = stackalloc long[12];
            reader.Read(header);
            if (header[0] != Magic || header[1] != Format) return null;
            var fingerprint = new byte[checked((int)header[4])];
            reader.Read<byte>(fingerprint);
            var version = new StoreVersion(header[2], header[3], fingerprint, header[5]);
            var (period, asOf) = (new Period(Day(header[6]), Day(header[7])), Day(header[8]));
            var (replicates, seed, durations) = (checked((int)header[9]), (ulong)header[10], checked((int)header[11]));
            if (replicates < 1 || durations < 0
                || (replicates + 1L) * (BootstrapSums.SumsPerRow * 8L + (long)durations * BootstrapSums.CountsPerDuration * 4) + durations * 4L != reader.Remaining)
                return null;
            var sums = new long[(replicates + 1) * BootstrapSums.SumsPerRow];
            var days = new int[durations];
            var counts = new int[(replicates + 1) * durations * BootstrapSums.CountsPerDuration];
            reader.Read<long>(sums);
            reader.Read<int>(days);
            reader.Read<int>(counts);
            return reader.EndsWell() ? (version, BootstrapSums.FromParts(period, asOf, replicates, seed, sums, days, counts)) : null;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or OverflowException or ArgumentException)
        {
            // Damaged or of another shape: made anew.
            return null;
        }
    }

    public static void Write(string path, StoreVersion version, BootstrapSums sums)
    {
        try
        {
            using (var writer = new ColumnWriter(path))
            {
                writer.Write<long>(
                [
                    Magic, Format, version.LastImport, version.Imports, version.Fingerprint.Length, version.MaxSegmentId,
                    sums.Period.From.DayNumber, sums.Period.To.DayNumber, sums.AsOf.DayNumber, sums.Replicates, (long)sums.Seed, sums.Durations.Length,
                ]);
                writer.Write<byte>(version.Fingerprint);
                writer.Write(sums.Sums);
                writer.Write(sums.Durations);
                writer.Write(sums.Counts);
                writer.Commit();
            }
            KeptSumsFiles.Prune(Path.GetDirectoryName(path)!, "bootstrap-*.sums", KeptFiles);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A store in a folder that cannot be written is measured all the same, every time.
        }
    }

    public static void Touch(string path) => KeptSumsFiles.Touch(path);

    private static DateOnly Day(long dayNumber) => DateOnly.FromDayNumber(checked((int)dayNumber));
}
