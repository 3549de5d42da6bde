using Monitor.Core.Checks;
using Monitor.Core.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Store;

/// <summary>
/// Writes one import's segment rows into PostgreSQL a batch at a time, in four round trips per batch whatever its
/// size: the batch's youth keys are looked up at once (new ones numbered in the order they first appear, as on
/// SQLite, and copied in), the stored rows of the youths the store knew are read at once, the batch's rows are
/// judged against those and each other in file order, and the new rows go in by binary COPY, then the duplicate
/// records that point at them. A row-at-a-time lookup, as SQLite does in-process, would cost a network round trip
/// per youth. The result is the same as SQLite's: the same youth and segment ids, the same duplicates of the same
/// rows (tests: worked examples and the import property test on PostgreSQL). Memory: one batch and its youths' rows.
/// The segment table has no foreign keys (schema/postgresql/0008): the writer vouches for its rows' parents, refuses a
/// care type the care_type table does not hold, and checks every parent of its rows once, as a set, at the end.
/// </summary>
internal sealed class PostgresSegmentWriter(NpgsqlConnection connection, long importId, IReadOnlySet<long> supersededImports, bool cbsColumns,
    long nextSegmentId, long nextYouthId, IEnumerable<long> careTypes) : ISegmentWriter
{
    private const int BatchRows = 20_000;

    private readonly HashSet<long> _careTypes = [.. careTypes];

    private readonly List<CheckedSegment> _batch = new(BatchRows);
    private readonly long _firstSegmentId = nextSegmentId;
    private long _nextSegmentId = nextSegmentId;
    private long _nextYouthId = nextYouthId;
    private int _stored, _duplicates;

    public void Add(CheckedSegment row)
    {
        if (!cbsColumns && (row.StartedAsCrisis is not null || row.EndReason is not null || row.Referrer is not null))
            throw new InvalidOperationException("a row with cbs values in a file of another format");
        if (!_careTypes.Contains((int)row.CareType))
            throw new InvalidOperationException($"care type {(int)row.CareType} is not in the store's care_type table");
        _batch.Add(row);
        if (_batch.Count == BatchRows) Write();
    }

    public SegmentCounts Flush()
    {
        Write();
        CheckParents();
        return new SegmentCounts(_stored, _duplicates, _firstSegmentId);
    }

    /// <summary>What the segment table's foreign keys checked row by row, once for the import's rows (its id range):
    /// each is this import's, of a stored youth and a stored care type. A failure rolls the import back.</summary>
    private void CheckParents()
    {
        if (_nextSegmentId == _firstSegmentId) return;
        using var check = new NpgsqlCommand("""
            SELECT count(*) FROM segment s
            WHERE s.id >= @first AND s.id < @next
              AND (s.import_id <> @import
                   OR NOT EXISTS (SELECT 1 FROM youth y WHERE y.id = s.youth_id)
                   OR NOT EXISTS (SELECT 1 FROM care_type c WHERE c.id = s.care_type))
            """, connection);
        check.Parameters.AddWithValue("first", _firstSegmentId);
        check.Parameters.AddWithValue("next", _nextSegmentId);
        check.Parameters.AddWithValue("import", importId);
        if (check.ExecuteScalar() is long orphans and > 0)
            throw new InvalidOperationException($"{orphans} segment rows of import {importId} lack their youth, care type or import: nothing is stored");
    }

    /// <summary>A questionnaire score's youth: one at a time (rom files are small, and hold no segments).</summary>
    public long YouthIdOf(string youthKey)
    {
        using var find = new NpgsqlCommand("SELECT id FROM youth WHERE youth_key = @key", connection);
        find.Parameters.AddWithValue("key", youthKey);
        if (find.ExecuteScalar() is long id) return id;
        using var insert = new NpgsqlCommand("INSERT INTO youth (id, youth_key) VALUES (@id, @key)", connection);
        insert.Parameters.AddWithValue("id", _nextYouthId);
        insert.Parameters.AddWithValue("key", youthKey);
        insert.ExecuteNonQuery();
        return _nextYouthId++;
    }

    private void Write()
    {
        if (_batch.Count == 0) return;
        var youthIds = YouthIds(out var known);
        var stored = StoredRows(known);
        var rows = new List<(long Id, long YouthId, CheckedSegment Row)>(_batch.Count);
        var duplicates = new List<(int Line, long Of)>();
        foreach (var row in _batch)
        {
            var youthId = youthIds[row.YouthKey];
            if (!stored.TryGetValue(youthId, out var youthRows)) stored[youthId] = youthRows = [];
            var key = row.DuplicateKey;
            var original = youthRows.FindIndex(r => r.Key == key);
            if (original >= 0)
            {
                duplicates.Add((row.Line, youthRows[original].Id));
                _duplicates++;
                continue;
            }
            var id = _nextSegmentId++;
            rows.Add((id, youthId, row));
            youthRows.Add((id, key));
            _stored++;
        }
        CopySegments(rows);
        // After the rows they point at: a duplicate's original is always written first.
        if (duplicates.Count > 0)
        {
            using var copy = connection.BeginBinaryImport("COPY duplicate_row (import_id, line, duplicate_of) FROM STDIN (FORMAT BINARY)");
            foreach (var (line, of) in duplicates)
            {
                copy.StartRow();
                copy.Write(importId, NpgsqlDbType.Bigint);
                copy.Write((long)line, NpgsqlDbType.Bigint);
                copy.Write(of, NpgsqlDbType.Bigint);
            }
            copy.Complete();
        }
        _batch.Clear();
    }

    /// <summary>The store's number of each youth key of the batch, new ones created; <paramref name="known"/> gets the
    /// youths that were in the store before this batch (they may have rows to be duplicates of).</summary>
    private Dictionary<string, long> YouthIds(out List<long> known)
    {
        var keys = _batch.Select(r => r.YouthKey).Distinct(StringComparer.Ordinal).ToArray();
        var ids = new Dictionary<string, long>(keys.Length, StringComparer.Ordinal);
        using (var find = new NpgsqlCommand("SELECT youth_key, id FROM youth WHERE youth_key = ANY(@keys)", connection))
        {
            find.Parameters.AddWithValue("keys", keys);
            using var reader = find.ExecuteReader();
            while (reader.Read()) ids[reader.GetString(0)] = reader.GetInt64(1);
        }
        known = [.. ids.Values];
        var created = new List<(long, string)>();
        foreach (var key in keys) // in the order they first appear in the file
        {
            if (ids.ContainsKey(key)) continue;
            ids[key] = _nextYouthId;
            created.Add((_nextYouthId++, key));
        }
        if (created.Count > 0)
        {
            using var copy = connection.BeginBinaryImport("COPY youth (id, youth_key) FROM STDIN (FORMAT BINARY)");
            foreach (var (id, key) in created)
            {
                copy.StartRow();
                copy.Write(id, NpgsqlDbType.Bigint);
                copy.Write(key, NpgsqlDbType.Text);
            }
            copy.Complete();
        }
        return ids;
    }

    /// <summary>The rows in force of these youths (this import's earlier batches included), but not those of the imports a
    /// full extract supersedes: its rows are no duplicates of theirs (PROTOCOL.md 3.2).</summary>
    private Dictionary<long, List<(long Id, DuplicateKey Key)>> StoredRows(List<long> youths)
    {
        var rows = new Dictionary<long, List<(long, DuplicateKey)>>();
        if (youths.Count == 0) return rows;
        using var command = new NpgsqlCommand("""
            SELECT youth_id, id, provider, care_type, product_code, start_date, end_date, import_id
            FROM segment WHERE youth_id = ANY(@youths) AND superseded_by IS NULL ORDER BY id
            """, connection);
        command.Parameters.AddWithValue("youths", youths.ToArray());
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (supersededImports.Contains(reader.GetInt64(7))) continue;
            var youth = reader.GetInt64(0);
            if (!rows.TryGetValue(youth, out var list)) rows[youth] = list = [];
            list.Add((reader.GetInt64(1), new DuplicateKey((int)reader.GetInt64(2), (CareType)reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), DateCodec.FromInt(reader.GetInt64(5)),
                reader.IsDBNull(6) ? null : DateCodec.FromInt(reader.GetInt64(6)))));
        }
        return rows;
    }

    private void CopySegments(List<(long Id, long YouthId, CheckedSegment Row)> rows)
    {
        if (rows.Count == 0) return;
        using var copy = connection.BeginBinaryImport($"""
            COPY segment (import_id, id, line, youth_id, birth_date, sex, municipality, provider, provider_name, product_code,
                care_code, care_type, start_date, end_date, amount{(cbsColumns ? ", started_as_crisis, end_reason, referrer" : "")})
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var (id, youthId, row) in rows)
        {
            copy.StartRow();
            copy.Write(importId, NpgsqlDbType.Bigint);
            copy.Write(id, NpgsqlDbType.Bigint);
            copy.Write((long)row.Line, NpgsqlDbType.Bigint);
            copy.Write(youthId, NpgsqlDbType.Bigint);
            copy.Write((long)DateCodec.ToInt(row.BirthDate), NpgsqlDbType.Bigint);
            Text(copy, row.Sex is { } sex ? (Sexes.TryGetValue(sex, out var word) ? word : sex.ToString()) : null);
            copy.Write((long)row.Municipality, NpgsqlDbType.Bigint);
            copy.Write((long)row.Provider, NpgsqlDbType.Bigint);
            Text(copy, row.ProviderName);
            Text(copy, row.ProductCode);
            Text(copy, row.CareCode);
            copy.Write((long)(int)row.CareType, NpgsqlDbType.Bigint);
            copy.Write((long)DateCodec.ToInt(row.Start), NpgsqlDbType.Bigint);
            Int64(copy, row.End is { } end ? DateCodec.ToInt(end) : null);
            Int64(copy, row.Amount is { } amount ? DateCodec.ToTenThousandths(amount) : null);
            if (cbsColumns)
            {
                Int64(copy, row.StartedAsCrisis is { } crisis ? (crisis ? 1 : 0) : null);
                Text(copy, row.EndReason);
                Text(copy, row.Referrer);
            }
        }
        copy.Complete();
    }

    private static readonly Dictionary<char, string> Sexes = new() { ['M'] = "M", ['V'] = "V", ['X'] = "X" };

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }

    private static void Int64(NpgsqlBinaryImporter copy, long? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Bigint);
        else copy.WriteNull();
    }

    public void Dispose()
    {
    }
}
