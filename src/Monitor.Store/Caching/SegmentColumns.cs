using System.Text;
using Monitor.Core.Domain;

namespace Monitor.Store.Caching;

/// <summary>
/// The segments in force as a file of fixed-width columns beside the store (<c>&lt;store&gt;.cache/segments.columns</c>):
/// reading ten million segments from it takes a fraction of a second, against several seconds through SQLite.
/// Rows are in youth order (by youth number, then row id), in groups of 65,536 rows, each group one column
/// after the other: row id, youth, birth date, start, end, provider, municipality, care type, amount,
/// product code (a number into the file's own list of codes; any length). The header says which store
/// version (<see cref="StoreVersion"/>) the rows are; the store stays the one source of truth.
/// </summary>
internal static class SegmentColumns
{
    public const string FileName = "segments.columns";
    private const long Magic = 0x31_30_43_47_45_53_4D_56; // "VMSEGC01"
    private const long Format = 1;
    private const int GroupRows = 65_536;

    /// <summary>What the file holds: the store version, and the lineage, which stays the same while later
    /// versions only add rows (episode caches built on it stay usable for the youths not touched since).</summary>
    public sealed record Header(StoreVersion Version, Guid Lineage, long Rows, int ProductCodes);

    public static string PathIn(string folder) => System.IO.Path.Combine(folder, FileName);

    /// <summary>Reads the header; null when the file is missing, of another format or damaged at the start.</summary>
    public static (Header Header, ColumnReader Reader)? Open(string path)
    {
        var reader = ColumnReader.Open(path);
        if (reader is null) return null;
        try
        {
            Span<long> values = stackalloc long[8];
            reader.Read(values);
            if (values[0] != Magic || values[1] != Format) throw new InvalidDataException("not a segment cache of this format");
            var fingerprint = new byte[32];
            reader.Read<byte>(fingerprint);
            var lineage = reader.Read<Guid>();
            var header = new Header(new StoreVersion(values[2], values[3], fingerprint, values[4]), lineage, values[5], checked((int)values[6]));
            if (header.Rows < 0 || header.ProductCodes < 0) throw new InvalidDataException("damaged header");
            return (header, reader);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            reader.Dispose();
            return null;
        }
    }

    /// <summary>
    /// Reads the rows of an opened file into <paramref name="into"/>, merging <paramref name="added"/> (rows
    /// added to the store since, in youth order, row ids above the file's) after each youth's stored rows,
    /// so that the result is in youth order too. False when the file turns out damaged.
    /// </summary>
    public static bool Read(Header header, ColumnReader reader, Segment[] into, ReadOnlySpan<Segment> added)
    {
        if (into.Length != header.Rows + added.Length) throw new ArgumentException("the array does not fit the rows", nameof(into));
        try
        {
            var codes = ReadProductCodes(reader, header.ProductCodes);
            var group = new Group(GroupRows);
            int n = 0, a = 0;
            for (long done = 0; done < header.Rows; done += GroupRows)
            {
                var rows = (int)Math.Min(GroupRows, header.Rows - done);
                group.Read(reader, rows);
                // Spans of exactly this group's rows: the loop runs ten million times, without bounds checks.
                ReadOnlySpan<long> id = group.Id.AsSpan(0, rows), amount = group.Amount.AsSpan(0, rows);
                ReadOnlySpan<int> youths = group.Youth.AsSpan(0, rows), birth = group.Birth.AsSpan(0, rows), start = group.Start.AsSpan(0, rows),
                    end = group.End.AsSpan(0, rows), provider = group.Provider.AsSpan(0, rows), product = group.ProductCode.AsSpan(0, rows);
                ReadOnlySpan<short> municipality = group.Municipality.AsSpan(0, rows);
                ReadOnlySpan<byte> care = group.CareType.AsSpan(0, rows);
                var target = into.AsSpan(n, rows + (added.Length - a)); // rows of this group and at most all added rows left
                var t = 0;
                for (var r = 0; r < youths.Length; r++)
                {
                    var youth = youths[r];
                    while (a < added.Length && added[a].YouthId < youth) target[t++] = added[a++];
                    var code = product[r];
                    if ((uint)code >= (uint)codes.Length) throw new InvalidDataException("a product code outside the list");
                    target[t++] = Segment.FromDayNumbers(id[r], youth, birth[r], municipality[r], provider[r], (CareType)care[r], codes[code],
                        start[r], end[r], amount[r]);
                }
                n += t;
            }
            while (a < added.Length) into[n++] = added[a++];
            return reader.EndsWell();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static int[] ReadProductCodes(ColumnReader reader, int count)
    {
        var lengths = new int[count];
        reader.Read<int>(lengths);
        long total = 0;
        foreach (var length in lengths) total += length < 0 ? throw new InvalidDataException("damaged product codes") : length;
        if (total > reader.Remaining) throw new InvalidDataException("damaged product codes");
        var bytes = new byte[total];
        reader.Read<byte>(bytes);
        var codes = new int[count + 1]; // 0 stays 0: no code
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            codes[i + 1] = ProductCodes.Intern(Encoding.UTF8.GetString(bytes, at, lengths[i]));
            at += lengths[i];
        }
        return codes;
    }

    /// <summary>Writes <paramref name="segments"/> (in youth order) as the file for <paramref name="version"/>.</summary>
    public static void Write(string path, Segment[] segments, StoreVersion version, Guid lineage)
    {
        // The file's own numbers for the product codes, in order of first sight.
        var numbers = new Dictionary<int, int>();
        var codes = new List<byte[]>();
        foreach (ref readonly var s in segments.AsSpan())
        {
            if (s.ProductCodeId != 0 && !numbers.ContainsKey(s.ProductCodeId))
            {
                numbers[s.ProductCodeId] = codes.Count + 1;
                codes.Add(Encoding.UTF8.GetBytes(s.ProductCode!));
            }
        }

        using var writer = new ColumnWriter(path);
        writer.Write<long>([Magic, Format, version.LastImport, version.Imports, version.MaxSegmentId, segments.Length, codes.Count, 0]);
        writer.Write<byte>(version.Fingerprint);
        writer.Write(lineage);
        writer.Write<int>(codes.Select(c => c.Length).ToArray());
        foreach (var code in codes) writer.Write<byte>(code);
        var group = new Group(GroupRows);
        for (var done = 0; done < segments.Length; done += GroupRows)
        {
            var rows = Math.Min(GroupRows, segments.Length - done);
            for (var r = 0; r < rows; r++)
            {
                ref readonly var s = ref segments[done + r];
                group.Id[r] = s.Id;
                group.Youth[r] = s.YouthId;
                group.Birth[r] = s.BirthDay;
                group.Start[r] = s.StartDay;
                group.End[r] = s.EndDayOrMax;
                group.Provider[r] = s.Provider;
                group.Municipality[r] = (short)s.Municipality;
                group.CareType[r] = (byte)s.CareType;
                group.Amount[r] = s.AmountOrMinusOne;
                group.ProductCode[r] = s.ProductCodeId == 0 ? 0 : numbers[s.ProductCodeId];
            }
            group.Write(writer, rows);
        }
        writer.Commit();
    }

    /// <summary>One group of rows, column by column.</summary>
    private sealed class Group(int size)
    {
        public readonly long[] Id = new long[size], Amount = new long[size];
        public readonly int[] Youth = new int[size], Birth = new int[size], Start = new int[size], End = new int[size],
            Provider = new int[size], ProductCode = new int[size];
        public readonly short[] Municipality = new short[size];
        public readonly byte[] CareType = new byte[size];

        public void Read(ColumnReader reader, int rows)
        {
            reader.Read(Id.AsSpan(0, rows));
            reader.Read(Youth.AsSpan(0, rows));
            reader.Read(Birth.AsSpan(0, rows));
            reader.Read(Start.AsSpan(0, rows));
            reader.Read(End.AsSpan(0, rows));
            reader.Read(Provider.AsSpan(0, rows));
            reader.Read(Municipality.AsSpan(0, rows));
            reader.Read(CareType.AsSpan(0, rows));
            reader.Read(Amount.AsSpan(0, rows));
            reader.Read(ProductCode.AsSpan(0, rows));
        }

        public void Write(ColumnWriter writer, int rows)
        {
            writer.Write<long>(Id.AsSpan(0, rows));
            writer.Write<int>(Youth.AsSpan(0, rows));
            writer.Write<int>(Birth.AsSpan(0, rows));
            writer.Write<int>(Start.AsSpan(0, rows));
            writer.Write<int>(End.AsSpan(0, rows));
            writer.Write<int>(Provider.AsSpan(0, rows));
            writer.Write<short>(Municipality.AsSpan(0, rows));
            writer.Write<byte>(CareType.AsSpan(0, rows));
            writer.Write<long>(Amount.AsSpan(0, rows));
            writer.Write<int>(ProductCode.AsSpan(0, rows));
        }
    }
}
