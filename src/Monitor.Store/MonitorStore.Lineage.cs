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

    /// <summary>Fills the arrays row by row as an engine reads them, in id order: exactly the counted rows, or the
    /// store changed between the count and the read. Repeated end reasons share one string.</summary>
    internal sealed class Builder(int count)
    {
        private readonly long[] _ids = new long[count];
        private readonly char[] _sex = new char[count];
        private readonly sbyte[] _crisis = new sbyte[count];
        private readonly string?[] _reason = new string?[count];
        private readonly Dictionary<string, string> _reasons = new(StringComparer.Ordinal);
        private int _n;

        /// <param name="sexCode">The character code of sex, 0 when not given.</param>
        /// <param name="crisis">1 J, 0 N, −1 not given.</param>
        public void Add(long id, long sexCode, long crisis, string? endReason)
        {
            if (_n == count) throw Changed();
            _ids[_n] = id;
            _sex[_n] = (char)sexCode;
            _crisis[_n] = (sbyte)crisis;
            if (endReason is not null)
            {
                if (!_reasons.TryGetValue(endReason, out var interned)) _reasons[endReason] = interned = endReason;
                _reason[_n] = interned;
            }
            _n++;
        }

        public SegmentAttributes Build() => _n == count ? new SegmentAttributes(_ids, _sex, _crisis, _reason) : throw Changed();

        private static StoreException Changed() => new("the store changed while it was being read: try again");
    }

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
    public SegmentAttributes ReadSegmentAttributes(IReadOnlyCollection<CareType> careTypes, DateOnly asOf) => Engine.ReadSegmentAttributes(careTypes, asOf);

    /// <summary>
    /// The segments in force that start on or before <paramref name="asOf"/>, in id order, with their file
    /// and line, one at a time: the segment export streams millions of rows without holding them.
    /// </summary>
    public IEnumerable<SegmentLineage> ReadSegmentLineage(DateOnly asOf) => Engine.ReadSegmentLineage(asOf);

    /// <summary>Segments in force that start on or before <paramref name="asOf"/>: the rows of the segment export.</summary>
    public long CountSegments(DateOnly asOf) =>
        Connection.ExecuteScalar<long>("SELECT count(*) FROM segment WHERE superseded_by IS NULL AND start_date <= @AsOf", new { AsOf = DateCodec.ToInt(asOf) });

    /// <summary>Every youth key by the store's youth number (index = number; null where there is none).</summary>
    public string?[] AllYouthKeys()
    {
        var max = Connection.ExecuteScalar<long?>("SELECT max(id) FROM youth") ?? 0;
        var keys = new string?[max + 1];
        using var reader = Connection.ExecuteReader("SELECT id, youth_key FROM youth");
        while (reader.Read()) keys[reader.GetInt64(0)] = StoredYouthKey.Read(reader, 1);
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
