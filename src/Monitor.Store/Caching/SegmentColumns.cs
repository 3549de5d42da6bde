using System.Buffers.Binary;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Monitor.Core.Domain;

namespace Monitor.Store.Caching;

/// <summary>
/// The segments in force as a file beside the store (<c>&lt;store&gt;.cache/segments.columns</c>): reading ten
/// million segments from it takes a fraction of a second, against several seconds through SQLite. Rows are in
/// youth order (by youth number, then row id), each row the bytes of one <see cref="Segment"/> as it lies in
/// memory, so that the file is read straight into the array the episode builder works on, without any work
/// per field. The header names the layout (<see cref="Layout"/>): a file of another layout of the struct, another
/// format or another byte order is not read but written anew. Product codes are the numbers of
/// <see cref="ProductCodes"/> of the process that wrote the file, with the list of their codes: a process that
/// reads the file before it met any other code (a measurement) gives them the same numbers, any other one
/// renumbers the rows. The header says which store version (<see cref="StoreVersion"/>) the rows are; the store
/// stays the one source of truth.
/// </summary>
internal static class SegmentColumns
{
    public const string FileName = "segments.columns";
    private const long Magic = 0x31_30_43_47_45_53_4D_56; // "VMSEGC01"
    private const long Format = 2; // 2: rows in the segment's layout (1: a column per field, in groups of 65,536 rows)

    /// <summary>The bytes of one row in the file.</summary>
    public static int RowBytes => Unsafe.SizeOf<Segment>();

    /// <summary>
    /// The segment's layout: its fields' names, types and places, its size and the byte order. The rows are the
    /// struct's bytes, so a file written by a build with another layout would be misread: its layout differs.
    /// </summary>
    internal static readonly long Layout = LayoutOf(typeof(Segment));

    private static long LayoutOf(Type type)
    {
        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(f => $"{f.Name}:{f.FieldType.FullName}:{Marshal.OffsetOf(type, f.Name)}");
        var text = $"{Unsafe.SizeOf<Segment>()}|{(BitConverter.IsLittleEndian ? "LE" : "BE")}|{string.Join(";", fields)}";
        return BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>What the file holds: the store version, and the lineage, which stays the same while later
    /// versions only add rows (episode caches built on it stay usable for the youths not touched since).</summary>
    public sealed record Header(StoreVersion Version, Guid Lineage, long Rows, int ProductCodes);

    public static string PathIn(string folder) => System.IO.Path.Combine(folder, FileName);

    /// <summary>Reads the header; null when the file is missing, of another format or layout, or damaged at the start.</summary>
    public static (Header Header, ColumnReader Reader)? Open(string path)
    {
        var reader = ColumnReader.Open(path);
        if (reader is null) return null;
        try
        {
            Span<long> values = stackalloc long[8];
            reader.Read(values);
            if (values[0] != Magic || values[1] != Format || values[7] != Layout) throw new InvalidDataException("not a segment cache of this format");
            var fingerprint = new byte[32];
            reader.Read<byte>(fingerprint);
            var lineage = reader.Read<Guid>();
            var header = new Header(new StoreVersion(values[2], values[3], fingerprint, values[4]), lineage, values[5], checked((int)values[6]));
            if (header.Rows < 0 || header.ProductCodes < 0) throw new InvalidDataException("damaged header");
            return (header, reader);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or OverflowException)
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
            var rows = into.AsSpan(0, (int)header.Rows);
            reader.ReadSideBySide(into, rows.Length);
            if (!reader.EndsWell()) return false;
            if (!Renumber(rows, codes)) return false;
            MergeFromTheEnd(into, (int)header.Rows, added);
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>Gives the rows this process's numbers of their product codes (<paramref name="codes"/>: the file's
    /// number → this process's); in a process that met no other code first they are the same, and only checked.
    /// False when a row has a number outside the file's list (damaged).</summary>
    internal static bool Renumber(Span<Segment> rows, int[] codes)
    {
        var same = true;
        for (var i = 0; i < codes.Length; i++) same &= codes[i] == i;
        foreach (ref var s in rows)
        {
            var code = s.ProductCodeId;
            if ((uint)code >= (uint)codes.Length) return false;
            if (!same)
                s = Segment.FromDayNumbers(s.Id, s.YouthId, s.BirthDay, s.Municipality, s.Provider, s.CareType, codes[code], s.StartDay,
                    s.EndDayOrMax, s.AmountOrMinusOne);
        }
        return true;
    }

    /// <summary>
    /// Puts the added rows in their places among the file's rows, which fill the front of <paramref name="into"/>:
    /// from the end, each added row after the stored rows of its youth, the file's rows of later youths moved up
    /// past it in one block each. One pass over the file's rows, in memory already touched.
    /// </summary>
    private static void MergeFromTheEnd(Segment[] into, int stored, ReadOnlySpan<Segment> added)
    {
        var (next, free) = (stored, into.Length); // the file's rows not yet placed end at next; places from free on are taken
        for (var a = added.Length - 1; a >= 0; a--)
        {
            var youth = added[a].YouthId;
            var from = next;
            while (from > 0 && into[from - 1].YouthId > youth) from--;
            var count = next - from;
            into.AsSpan(from, count).CopyTo(into.AsSpan(free - count, count));
            (next, free) = (from, free - count - 1);
            into[free] = added[a];
        }
    }

    /// <summary>The file's product codes: for each of its numbers (0: none), this process's number of the code.</summary>
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
        // The rows keep this process's numbers of their product codes: the file lists the codes of all numbers up
        // to the highest used, in order, so that a reader that meets them first gives them the same numbers.
        var highest = 0;
        foreach (ref readonly var s in segments.AsSpan()) highest = Math.Max(highest, s.ProductCodeId);
        var codes = Enumerable.Range(1, highest).Select(n => Encoding.UTF8.GetBytes(ProductCodes.Of(n)!)).ToList();

        using var writer = new ColumnWriter(path);
        writer.Write<long>([Magic, Format, version.LastImport, version.Imports, version.MaxSegmentId, segments.Length, codes.Count, Layout]);
        writer.Write<byte>(version.Fingerprint);
        writer.Write(lineage);
        writer.Write<int>(codes.Select(c => c.Length).ToArray());
        foreach (var code in codes) writer.Write<byte>(code);
        writer.Write<Segment>(segments);
        writer.Commit();
    }
}
