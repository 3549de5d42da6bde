using Monitor.Core.Checks;
using Monitor.Core.Domain;

namespace Monitor.Store;

/// <summary>
/// Writes one import's accepted segment rows: hands out youth and segment ids, detects and records
/// duplicates, and inserts rows 32 at a time. The hot path of an import, so it binds through SQLite's own API
/// (<see cref="RawStatement"/>). Measured on the 2-core CI machine: see docs/benchmarks.md.
/// </summary>
internal sealed class SegmentWriter : ISegmentWriter
{
    private const int RowsPerInsert = 64;

    private readonly long _importId;
    private readonly IReadOnlySet<long> _supersededImports;
    private readonly RawStatement _insertOne, _insertMany, _findSameStart, _insertDuplicate;
    private readonly YouthRegistry _youths;
    private readonly List<(long Id, long YouthId, CheckedSegment Row)> _pending = new(RowsPerInsert);
    // A duplicate may point at a row still waiting in _pending: its record waits too, and is written
    // after the rows, so that its foreign key always finds the original.
    private readonly List<(int Line, long Of)> _pendingDuplicates = [];
    // Pinned, and alive as long as the statements that may read them: SQLite reads them in place.
    private readonly Dictionary<string, PinnedUtf8> _utf8 = new(StringComparer.Ordinal);
    // Columns bound per row: a rijm file has none of cbs's three (they stay NULL), and the import id is in the SQL.
    private readonly bool _cbsColumns;
    private readonly int _columns;
    // The care_type table's ids: the import runs without SQLite's foreign-key lookups (docs/decisions.md, "Store"),
    // so the writer itself refuses a row whose care type the table does not hold.
    private readonly bool[] _careTypes;

    // Ids are handed out here rather than read back per row: the transaction holds SQLite's write lock,
    // so nobody else can take them.
    private readonly long _firstSegmentId;
    private long _nextSegmentId;
    private int _stored, _duplicates;

    // Duplicate detection without a UNIQUE index (which made inserts about 4x slower at 10 million rows):
    // extracts list a youth's rows together, so the rows of the youth being read are kept in memory, and
    // the store is asked only when the youth had rows before this run of lines began.
    private string? _youthKey;
    private long _youthId;
    private bool _youthIsNewInThisRun;
    private readonly List<(long Id, DuplicateKey Key)> _youthRows = [];

    /// <param name="cbsColumns">Whether the rows may carry the cbs-only values (started as crisis, end reason, referrer).</param>
    public SegmentWriter(Microsoft.Data.Sqlite.SqliteConnection connection, long importId, IReadOnlySet<long> supersededImports,
        long nextSegmentId, YouthRegistry youths, bool cbsColumns, IEnumerable<long> careTypes)
    {
        _careTypes = new bool[256];
        foreach (var careType in careTypes)
            if (careType is >= 0 and < 256) _careTypes[careType] = true;
        _importId = importId;
        _supersededImports = supersededImports;
        _nextSegmentId = _firstSegmentId = nextSegmentId;
        _youths = youths;
        _cbsColumns = cbsColumns;
        _columns = cbsColumns ? 17 : 14;
        // OR FAIL: a failing row stops the statement without undoing its earlier rows, so SQLite keeps no statement
        // journal for the 64-row insert (docs/benchmarks.md); a failure throws and the whole import rolls
        // back, as it would after ABORT.
        var insert = $"""
            INSERT OR FAIL INTO segment (import_id, id, line, youth_id, birth_date, sex, municipality, provider, provider_name,
                product_code, care_code, care_type, start_date, end_date, amount{(cbsColumns ? ", started_as_crisis, end_reason, referrer" : "")})
            VALUES
            """;
        string Row(int r) => $"({importId}, " + string.Join(", ", Enumerable.Range(1, _columns).Select(c => $"?{r * _columns + c}")) + ")";
        _insertOne = new RawStatement(connection, insert + Row(0));
        _insertMany = new RawStatement(connection, insert + string.Join(", ", Enumerable.Range(0, RowsPerInsert).Select(Row)));
        _findSameStart = new RawStatement(connection, """
            SELECT id, provider, care_type, coalesce(product_code, ''), end_date, import_id
            FROM segment WHERE youth_id = ?1 AND start_date = ?2 AND superseded_by IS NULL
            """);
        _insertDuplicate = new RawStatement(connection, "INSERT INTO duplicate_row (import_id, line, duplicate_of) VALUES (?1, ?2, ?3)");
    }

    /// <summary>Stores the row, or records it as a duplicate of the row it repeats (PROTOCOL.md 3.1).</summary>
    public void Add(CheckedSegment row)
    {
        if (!_careTypes[(byte)row.CareType]) throw new InvalidOperationException($"care type {(int)row.CareType} is not in the store's care_type table");
        EnterYouth(row.YouthKey);
        var key = row.DuplicateKey;
        if (FindDuplicate(key) is { } original)
        {
            _pendingDuplicates.Add((row.Line, original));
            _duplicates++;
            return;
        }

        var id = _nextSegmentId++;
        _pending.Add((id, _youthId, row));
        _stored++;
        if (_pending.Count == RowsPerInsert) Write();
        _youthRows.Add((id, key));
    }

    public long YouthIdOf(string youthKey) => _youths.IdOf(youthKey).Id;

    public SegmentCounts Flush()
    {
        Write();
        return new SegmentCounts(_stored, _duplicates, _firstSegmentId);
    }

    /// <summary>Inserts the rows still waiting, then the duplicate records that may point at them. Called
    /// before anything reads segments back.</summary>
    private void Write()
    {
        if (_pending.Count == RowsPerInsert)
        {
            for (var i = 0; i < RowsPerInsert; i++) Bind(_insertMany, i * _columns, _pending[i]);
            _insertMany.Execute();
        }
        else
        {
            foreach (var pending in _pending) Bind(_insertOne, 0, pending).Execute();
        }
        _pending.Clear();
        foreach (var (line, of) in _pendingDuplicates) _insertDuplicate.Bind(1, _importId).Bind(2, line).Bind(3, of).Execute();
        _pendingDuplicates.Clear();
    }

    private RawStatement Bind(RawStatement statement, int offset, (long Id, long YouthId, CheckedSegment Row) pending)
    {
        var (id, youthId, row) = pending;
        statement
            .Bind(offset + 1, id).Bind(offset + 2, row.Line).Bind(offset + 3, youthId)
            .Bind(offset + 4, DateCodec.ToInt(row.BirthDate)).BindPinnedUtf8(offset + 5, Utf8(row.Sex))
            .Bind(offset + 6, row.Municipality).Bind(offset + 7, row.Provider).BindPinnedUtf8(offset + 8, Utf8(row.ProviderName))
            .BindPinnedUtf8(offset + 9, Utf8(row.ProductCode)).BindPinnedUtf8(offset + 10, Utf8(row.CareCode)).Bind(offset + 11, (int)row.CareType)
            .Bind(offset + 12, DateCodec.ToInt(row.Start)).Bind(offset + 13, row.End is { } end ? DateCodec.ToInt(end) : null)
            .Bind(offset + 14, row.Amount is { } amount ? DateCodec.ToTenThousandths(amount) : null);
        if (_cbsColumns)
        {
            statement.Bind(offset + 15, row.StartedAsCrisis is { } crisis ? (crisis ? 1 : 0) : null)
                .BindPinnedUtf8(offset + 16, Utf8(row.EndReason)).BindPinnedUtf8(offset + 17, Utf8(row.Referrer));
        }
        else if (row.StartedAsCrisis is not null || row.EndReason is not null || row.Referrer is not null)
        {
            throw new InvalidOperationException("a row with cbs values in a file of another format");
        }
        return statement;
    }

    private static readonly PinnedUtf8[] SexUtf8 = [PinnedUtf8.Of("M"), PinnedUtf8.Of("V"), PinnedUtf8.Of("X")];

    private PinnedUtf8? Utf8(char? sex) => sex switch
    {
        null => null,
        'M' => SexUtf8[0],
        'V' => SexUtf8[1],
        'X' => SexUtf8[2],
        { } other => Utf8(other.ToString()),
    };

    private void EnterYouth(string youthKey)
    {
        if (youthKey == _youthKey) return;
        _youthKey = youthKey;
        _youthRows.Clear();
        (_youthId, _youthIsNewInThisRun) = _youths.IdOf(youthKey);
    }

    private long? FindDuplicate(DuplicateKey key)
    {
        foreach (var (id, stored) in _youthRows)
            if (stored == key) return id;
        if (_youthIsNewInThisRun) return null; // every row this youth has is in _youthRows

        Write(); // the store must see this import's own rows too
        _findSameStart.Bind(1, _youthId).Bind(2, DateCodec.ToInt(key.Start));
        try
        {
            while (_findSameStart.Step())
            {
                if (_supersededImports.Contains(_findSameStart.Int64(5))) continue;
                DateOnly? end = _findSameStart.IsNull(4) ? null : DateCodec.FromInt(_findSameStart.Int64(4));
                var stored = new DuplicateKey((int)_findSameStart.Int64(1), (CareType)_findSameStart.Int64(2), _findSameStart.Text(3), key.Start, end);
                if (stored == key) return _findSameStart.Int64(0);
            }
            return null;
        }
        finally
        {
            _findSameStart.Reset();
        }
    }

    /// <summary>The UTF-8 of a value that repeats (codes, names): encoded once, not once per row.</summary>
    private PinnedUtf8? Utf8(string? text)
    {
        if (text is null) return null;
        if (_utf8.TryGetValue(text, out var bytes)) return bytes;
        if (_utf8.Count >= 100_000) return new PinnedUtf8(System.Text.Encoding.UTF8.GetBytes(text), false);
        return _utf8[text] = PinnedUtf8.Of(text);
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _insertOne, _insertMany, _findSameStart, _insertDuplicate }) statement.Dispose();
        _youths.Dispose();
    }
}
