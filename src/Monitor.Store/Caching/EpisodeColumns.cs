using System.Security.Cryptography;
using System.Text;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;

namespace Monitor.Store.Caching;

/// <summary>
/// The episodes of one build, per youth, in a column file beside the store
/// (<c>&lt;store&gt;.cache/episodes-KEY.columns</c>), one file per gap, residential set and tariff table.
/// The next build takes them over for every youth whose segments no import touched since and for whom they
/// still hold at its as-of date (<see cref="EarlierEpisodes.Applies"/>), and builds the others: a nightly
/// import of a few per cent of the rows rebuilds a few per cent of the youths.
/// </summary>
internal static class EpisodeColumns
{
    private const long Magic = 0x31_30_43_50_45_4D_56; // "VMEPC01"
    private const long Format = 2; // 2: no involvement pairs (worked out from the segments)
    private const int GroupEpisodes = 65_536;
    private const int KeptFiles = 8;

    /// <summary>What the episodes depend on besides the segments and the as-of date: the gap, the
    /// residential set and the tariff table.</summary>
    public static byte[] Key(int gapDays, IEnumerable<CareType> residentialSet, byte[] tariffs) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{gapDays}|{string.Join(",", residentialSet.Select(t => (int)t).Order())}|{Convert.ToHexString(tariffs)}"));

    public static string PathIn(string folder, byte[] key) =>
        System.IO.Path.Combine(folder, $"episodes-{Convert.ToHexStringLower(key)[..16]}.columns");

    /// <summary>
    /// The episodes of the file that can be taken over: those of the youths none of whose segments is newer
    /// than the file, placed where those youths' segments are now in <paramref name="sorted"/> (in youth
    /// order: where a youth's rows begin does not change when the builder orders each youth's rows). Null when
    /// the file is missing, damaged or of another lineage.
    /// </summary>
    public static Earlier? Load(string path, byte[] key, Guid lineage, Segment[] sorted)
    {
        var reader = ColumnReader.Open(path);
        if (reader is null) return null;
        using (reader)
        {
            try
            {
                Span<long> header = stackalloc long[8];
                reader.Read(header);
                if (header[0] != Magic || header[1] != Format || reader.Read<Guid>() != lineage) return null;
                var fileKey = new byte[32];
                reader.Read<byte>(fileKey);
                if (!fileKey.AsSpan().SequenceEqual(key)) return null;
                var maxSegmentId = header[2];
                var asOf = DateOnly.FromDayNumber(checked((int)header[3]));
                var count = header[4];
                if (count < 0 || count * 60 > reader.Remaining) return null;

                // Where each youth's segments begin now, and which youths have segments newer than the file.
                var youths = sorted.Length == 0 ? 0 : sorted[^1].YouthId + 1;
                if (youths > 4L * sorted.Length + 1024 || (sorted.Length > 0 && sorted[0].YouthId < 0)) return null; // sparse numbers: build anew
                var start = new int[youths + 1];
                var touched = new bool[youths + 1];
                start.AsSpan().Fill(-1);
                for (var i = sorted.Length - 1; i >= 0; i--)
                {
                    start[sorted[i].YouthId] = i;
                    if (sorted[i].Id > maxSegmentId) touched[sorted[i].YouthId] = true;
                }

                var kept = new List<Episode>((int)Math.Min(count, int.MaxValue));
                var firstKept = new int[youths + 1];
                firstKept.AsSpan().Fill(-1);
                var group = new Group(GroupEpisodes);
                for (long done = 0; done < count; done += GroupEpisodes)
                {
                    var rows = (int)Math.Min(GroupEpisodes, count - done);
                    group.Read(reader, rows);
                    for (var r = 0; r < rows; r++)
                    {
                        var youth = group.Youth[r];
                        if ((uint)youth >= (uint)youths || start[youth] < 0 || touched[youth]) continue;
                        if (firstKept[youth] < 0) firstKept[youth] = kept.Count;
                        kept.Add(group.Episode(r, start[youth]));
                    }
                }
                return reader.EndsWell() ? new Earlier(asOf, kept, firstKept) : null;
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or ArgumentOutOfRangeException or OverflowException)
            {
                return null;
            }
        }
    }

    /// <summary>Writes the episodes of <paramref name="set"/>, built over <paramref name="sorted"/> (its
    /// segments, of the lineage and highest row id given), and drops the least recently written files
    /// beyond the few kept.</summary>
    public static void Write(string path, byte[] key, Guid lineage, long maxSegmentId, Segment[] sorted, EpisodeSet set)
    {
        var episodes = set.Episodes;
        using (var writer = new ColumnWriter(path))
        {
            writer.Write<long>([Magic, Format, maxSegmentId, set.Rules.AsOf.DayNumber, episodes.Count, 0, 0, 0]);
            writer.Write(lineage);
            writer.Write<byte>(key);
            var group = new Group(GroupEpisodes);
            var youthStart = 0;
            for (var done = 0; done < episodes.Count; done += GroupEpisodes)
            {
                var rows = Math.Min(GroupEpisodes, episodes.Count - done);
                for (var r = 0; r < rows; r++)
                {
                    var e = episodes[done + r];
                    // The first segment relative to the youth's first: positions shift as other youths gain rows.
                    while (sorted[youthStart].YouthId != e.YouthId) youthStart++;
                    group.Set(r, e, e.FirstSegment - youthStart);
                }
                group.Write(writer, rows);
            }
            writer.Commit();
        }
        foreach (var old in new DirectoryInfo(System.IO.Path.GetDirectoryName(path)!).GetFiles("episodes-*.columns")
                     .OrderByDescending(f => f.LastWriteTimeUtc).Skip(KeptFiles))
            old.Delete();
    }

    /// <summary>The episodes taken over, by youth.</summary>
    internal sealed class Earlier(DateOnly asOf, List<Episode> episodes, int[] firstByYouth) : EarlierEpisodes
    {
        private int _taken;

        /// <summary>How many episodes the build took over (two halves are built side by side).</summary>
        public int Taken => Volatile.Read(ref _taken);

        public override DateOnly AsOf => asOf;

        public override bool TryAdd(int youthId, int firstSegment, List<Episode> into)
        {
            if ((uint)youthId >= (uint)firstByYouth.Length) return false;
            var first = firstByYouth[youthId];
            if (first < 0) return false;
            // Placed at load from the same sorted segments: a youth that starts elsewhere is built anew.
            if (episodes[first].FirstSegment < firstSegment) return false;
            var end = first;
            while (end < episodes.Count && episodes[end].YouthId == youthId) end++;
            into.AddRange(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(episodes)[first..end]);
            Interlocked.Add(ref _taken, end - first);
            return true;
        }
    }

    /// <summary>One group of episodes, column by column.</summary>
    private sealed class Group(int size)
    {
        public readonly int[] Youth = new int[size], Relative = new int[size], Segments = new int[size], Birth = new int[size],
            Start = new int[size], End = new int[size], Duration = new int[size], Moves = new int[size], WithoutCost = new int[size],
            Municipality = new int[size], Providers = new int[size], Cost = new int[size * 4];

        public void Set(int r, Episode e, int relative)
        {
            Youth[r] = e.YouthId;
            Relative[r] = relative;
            Segments[r] = e.SegmentCount;
            Birth[r] = e.BirthDate.DayNumber;
            Start[r] = e.Start.DayNumber;
            End[r] = e.End is { } end ? end.DayNumber : int.MaxValue;
            Duration[r] = e.DurationDays;
            Moves[r] = e.PlacementMoves;
            WithoutCost[r] = e.SegmentsWithoutCost;
            Municipality[r] = e.Municipality;
            Providers[r] = e.ProviderCount;
            decimal.GetBits(e.Cost, Cost.AsSpan(r * 4, 4));
        }

        /// <summary>The episode of row <paramref name="r"/>; its involvement is worked out from its segments
        /// once the builder has tied it to the set (<see cref="Episode.Involvement"/>).</summary>
        public Episode Episode(int r, int youthStart) => new()
        {
            YouthId = Youth[r],
            BirthDate = DateOnly.FromDayNumber(Birth[r]),
            Start = DateOnly.FromDayNumber(Start[r]),
            End = End[r] == int.MaxValue ? null : DateOnly.FromDayNumber(End[r]),
            DurationDays = Duration[r],
            ProviderCount = Providers[r],
            PlacementMoves = Moves[r],
            Cost = new decimal(Cost.AsSpan(r * 4, 4)),
            SegmentsWithoutCost = WithoutCost[r],
            Municipality = Municipality[r],
            FirstSegment = youthStart + Relative[r],
            SegmentCount = Segments[r],
        };

        private int[][] Columns => [Youth, Relative, Segments, Birth, Start, End, Duration, Moves, WithoutCost, Municipality, Providers];

        public void Write(ColumnWriter writer, int rows)
        {
            foreach (var column in Columns) writer.Write<int>(column.AsSpan(0, rows));
            writer.Write<int>(Cost.AsSpan(0, rows * 4));
        }

        public void Read(ColumnReader reader, int rows)
        {
            foreach (var column in Columns) reader.Read(column.AsSpan(0, rows));
            reader.Read(Cost.AsSpan(0, rows * 4));
        }
    }
}
