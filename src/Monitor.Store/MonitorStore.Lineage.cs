using Dapper;
using Monitor.Core.Domain;

namespace Monitor.Store;

/// <summary>An imported file as lineage: its number in the store, its name and the SHA-256 of its bytes.</summary>
public sealed record ImportedFile(long Id, string FileName, string Sha256);

/// <summary>One stored segment in force with where it came from, as the researchers' segment export needs it.</summary>
public readonly record struct SegmentLineage(
    long Id, long ImportId, int Line, int YouthId, int Provider, int Municipality, CareType CareType, string CareCode,
    string? ProductCode, DateOnly Start, DateOnly? End, long? AmountTenThousandths);

/// <summary>What the episode export needs of each residential segment besides <see cref="Segment"/>: sex,
/// the cbs crisis flag and end reason. Sorted by segment id (struct of arrays: millions of rows).</summary>
public sealed class SegmentAttributes
{
    internal SegmentAttributes(long[] ids, char[] sex, sbyte[] startedAsCrisis, string?[] endReason)
    {
        Ids = ids;
        Sex = sex;
        StartedAsCrisis = startedAsCrisis;
        EndReason = endReason;
    }

    public long[] Ids { get; }
    /// <summary>'M', 'V', 'X', or '\0' when the row gave none.</summary>
    public char[] Sex { get; }
    /// <summary>1 J, 0 N, −1 not given (rijm rows never give it).</summary>
    public sbyte[] StartedAsCrisis { get; }
    /// <summary>cbs <c>reden_beeindiging</c> as written, or null.</summary>
    public string?[] EndReason { get; }

    /// <summary>The position of segment <paramref name="id"/>; a missing id means the store changed between two reads.</summary>
    public int IndexOf(long id)
    {
        var i = Array.BinarySearch(Ids, id);
        return i >= 0 ? i : throw new StoreException("the store changed while it was being read: try again");
    }
}

public sealed partial class MonitorStore
{
    /// <summary>Every import that stored rows, by its number.</summary>
    public IReadOnlyDictionary<long, ImportedFile> ImportedFiles() =>
        Connection.Query<(long Id, string FileName, string Sha256)>("SELECT id, file_name, sha256 FROM import_file WHERE status = 'imported'")
            .ToDictionary(f => f.Id, f => new ImportedFile(f.Id, f.FileName, f.Sha256));

    /// <summary>Sex, crisis flag and end reason of the segments in force of the given care types that start on
    /// or before <paramref name="asOf"/>: the rows the episodes are made of.</summary>
    public SegmentAttributes ReadSegmentAttributes(IReadOnlyCollection<CareType> careTypes, DateOnly asOf)
    {
        using var connection = OpenReader();
        var types = string.Join(",", careTypes.Select(t => ((int)t).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var count = connection.ExecuteScalar<int>(
            $"SELECT count(*) FROM segment WHERE superseded_by IS NULL AND care_type IN ({types}) AND start_date <= @AsOf",
            new { AsOf = DateCodec.ToInt(asOf) });
        var (ids, sex, crisis, reason) = (new long[count], new char[count], new sbyte[count], new string?[count]);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        using var query = new RawStatement(connection, $"""
            SELECT id, coalesce(unicode(sex), 0), coalesce(started_as_crisis, -1), end_reason
            FROM segment WHERE superseded_by IS NULL AND care_type IN ({types}) AND start_date <= ?1 ORDER BY id
            """);
        query.Bind(1, DateCodec.ToInt(asOf));
        var n = 0;
        while (query.Step())
        {
            if (n == count) throw new StoreException("the store changed while it was being read: try again");
            ids[n] = query.Int64(0);
            sex[n] = (char)query.Int64(1);
            crisis[n] = (sbyte)query.Int64(2);
            if (!query.IsNull(3))
            {
                var text = query.Text(3);
                if (!reasons.TryGetValue(text, out var interned)) reasons[text] = interned = text;
                reason[n] = interned;
            }
            n++;
        }
        if (n != count) throw new StoreException("the store changed while it was being read: try again");
        return new SegmentAttributes(ids, sex, crisis, reason);
    }

    /// <summary>
    /// The segments in force that start on or before <paramref name="asOf"/>, in id order, with their file
    /// and line, one at a time: the segment export streams millions of rows without holding them.
    /// </summary>
    public IEnumerable<SegmentLineage> ReadSegmentLineage(DateOnly asOf)
    {
        using var connection = OpenReader();
        using var query = new RawStatement(connection, """
            SELECT id, import_id, line, youth_id, provider, municipality, care_type, care_code, product_code,
                   start_date, coalesce(end_date, 0), coalesce(amount, -1)
            FROM segment WHERE superseded_by IS NULL AND start_date <= ?1 ORDER BY id
            """);
        query.Bind(1, DateCodec.ToInt(asOf));
        // A few care and product codes repeat over millions of rows: decoded into a buffer and looked up, a
        // string is made once per distinct code, not once per row.
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        var chars = new char[256];
        string Interned(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length > chars.Length) return System.Text.Encoding.UTF8.GetString(utf8);
            var length = System.Text.Encoding.UTF8.GetChars(utf8, chars);
            if (!lookup.TryGetValue(chars.AsSpan(0, length), out var interned))
            {
                interned = new string(chars, 0, length);
                strings[interned] = interned;
            }
            return interned;
        }
        while (query.Step())
        {
            var end = query.Int64(10);
            var amount = query.Int64(11);
            yield return new SegmentLineage(
                Id: query.Int64(0),
                ImportId: query.Int64(1),
                Line: (int)query.Int64(2),
                YouthId: (int)query.Int64(3),
                Provider: (int)query.Int64(4),
                Municipality: (int)query.Int64(5),
                CareType: (CareType)query.Int64(6),
                CareCode: Interned(query.Bytes(7)),
                ProductCode: query.IsNull(8) ? null : Interned(query.Bytes(8)),
                Start: DateCodec.FromInt(query.Int64(9)),
                End: end == 0 ? null : DateCodec.FromInt(end),
                AmountTenThousandths: amount < 0 ? null : amount);
        }
    }

    /// <summary>Segments in force that start on or before <paramref name="asOf"/>: the rows of the segment export.</summary>
    public long CountSegments(DateOnly asOf) =>
        Connection.ExecuteScalar<long>("SELECT count(*) FROM segment WHERE superseded_by IS NULL AND start_date <= @AsOf", new { AsOf = DateCodec.ToInt(asOf) });

    /// <summary>Every youth key by the store's youth number (index = number; null where there is none).</summary>
    public string?[] AllYouthKeys()
    {
        var max = Connection.ExecuteScalar<long?>("SELECT max(id) FROM youth") ?? 0;
        var keys = new string?[max + 1];
        using var query = new RawStatement(Connection, "SELECT id, youth_key FROM youth");
        while (query.Step()) keys[query.Int64(0)] = query.Text(1);
        return keys;
    }
}

public sealed partial class MonitorStore
{
    /// <summary>The endreasons file: code → category (codes match case-insensitively, docs/outcomes.md 1).</summary>
    public IReadOnlyDictionary<string, Monitor.Core.Outcomes.EndCategory> EndReasonCategories() =>
        Connection.Query<(string Code, string Category)>("SELECT code, category FROM end_reason")
            .ToDictionary(r => r.Code, r => Monitor.Core.Outcomes.EndCategories.TryParse(r.Category, out var c) ? c : Monitor.Core.Outcomes.EndCategory.Other,
                StringComparer.OrdinalIgnoreCase);
}

public sealed partial class MonitorStore
{
    /// <summary>The earliest segment start in force: how far back the data reach (the pre-period trend check).</summary>
    public DateOnly? EarliestStart()
    {
        var value = Connection.ExecuteScalar<long?>("SELECT min(start_date) FROM segment WHERE superseded_by IS NULL");
        return value is { } v ? DateCodec.FromInt(v) : null;
    }
}
