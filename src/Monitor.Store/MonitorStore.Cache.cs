using System.Security.Cryptography;
using System.Text;
using Dapper;
using Monitor.Core.Checks;

namespace Monitor.Store;

/// <summary>What the store held at one moment, as the caches beside it (<c>Caching/</c>) are keyed.</summary>
/// <param name="LastImport">The highest <c>import_file</c> id: every import, also a rejected one, adds a row in
/// the transaction that changes segments (<see cref="MonitorStore.BeginSnapshot"/>).</param>
/// <param name="Imports">How many <c>import_file</c> rows there are.</param>
/// <param name="Fingerprint">SHA-256 of the last import's row (its file's hash and times): another store file
/// with the same counts does not pass for this one.</param>
/// <param name="MaxSegmentId">The highest segment row id: later imports only add rows above it.</param>
internal sealed record StoreVersion(long LastImport, long Imports, byte[] Fingerprint, long MaxSegmentId)
{
    public bool SameAs(StoreVersion other) =>
        LastImport == other.LastImport && Imports == other.Imports && MaxSegmentId == other.MaxSegmentId
        && Fingerprint.AsSpan().SequenceEqual(other.Fingerprint);
}

public sealed partial class MonitorStore
{
    /// <summary>The folder of caches derived from the store (<c>&lt;store&gt;.cache</c> beside a file; in server mode
    /// a folder per server and database in the user's cache folder): deleting it is always safe, the store is the
    /// one source of truth.</summary>
    internal string CacheFolder => Engine.CacheFolder;

    /// <summary>The version the connection sees now (inside a snapshot: the snapshot's).</summary>
    internal StoreVersion ReadVersion()
    {
        var (last, count) = Version(Connection);
        return new StoreVersion(last, count, ImportFingerprint(last), Connection.ExecuteScalar<long?>("SELECT max(id) FROM segment") ?? 0);
    }

    private byte[] ImportFingerprint(long importId)
    {
        var row = Connection.QuerySingleOrDefault<(long Id, string Sha, string Status, string Started, string Finished)>(
            "SELECT id, sha256, status, started_at, finished_at FROM import_file WHERE id = @importId", new { importId });
        return SHA256.HashData(Encoding.UTF8.GetBytes($"{row.Id}|{row.Sha}|{row.Status}|{row.Started}|{row.Finished}"));
    }

    /// <summary>
    /// Whether the store now holds what it held at <paramref name="earlier"/> plus only new segment rows: the
    /// same imports up to then (by count and by the fingerprint of the last), and no full extract since,
    /// which is the one thing that changes stored rows (it supersedes its source's earlier rows; PROTOCOL.md 3.2).
    /// </summary>
    internal bool OnlyAddedSince(StoreVersion earlier, StoreVersion now)
    {
        if (now.LastImport < earlier.LastImport || now.MaxSegmentId < earlier.MaxSegmentId) return false;
        if (Connection.ExecuteScalar<long>("SELECT count(*) FROM import_file WHERE id <= @LastImport", earlier) != earlier.Imports) return false;
        if (!ImportFingerprint(earlier.LastImport).AsSpan().SequenceEqual(earlier.Fingerprint)) return false;
        return Connection.ExecuteScalar<long>(
            "SELECT count(*) FROM import_file WHERE id > @LastImport AND status = 'imported' AND full_extract = 1", earlier) == 0;
    }

    /// <summary>
    /// Whether the store now holds what it held at <paramref name="earlier"/> plus only the rows of new extracts: it only
    /// gained segment rows since (<see cref="OnlyAddedSince"/>) and no other file came in (regions, tariffs, population
    /// and questionnaires change what any measurement reads). Then a measurement reads of each youth without new rows
    /// what it read then.
    /// </summary>
    internal bool OnlyExtractRowsAddedSince(StoreVersion earlier, StoreVersion now)
    {
        if (earlier.SameAs(now)) return true;
        if (!OnlyAddedSince(earlier, now)) return false;
        return Connection.ExecuteScalar<long>("""
            SELECT count(*) FROM import_file
            WHERE id > @LastImport AND status = 'imported' AND (format IS NULL OR format NOT IN (@rijm, @cbs))
            """, new { earlier.LastImport, rijm = ExtractFormat.Rijm.Name(), cbs = ExtractFormat.Cbs.Name() }) == 0;
    }

    /// <summary>The earliest start of the segment rows added since <paramref name="earlier"/>; null when there are none.
    /// A measurement as of an earlier date ignores them all (PROTOCOL.md 4): a new extract whose rows all start later adds
    /// no open segment and no coverage warning at that date either.</summary>
    internal DateOnly? FirstStartSince(StoreVersion earlier) =>
        Connection.ExecuteScalar<long?>("SELECT min(start_date) FROM segment WHERE id > @MaxSegmentId", earlier) is { } start
            ? DateCodec.FromInt(start)
            : null;

    /// <summary>SHA-256 of the tariff table: episode costs depend on it.</summary>
    internal byte[] TariffFingerprint()
    {
        var text = new StringBuilder();
        foreach (var (careType, year, perDay) in Connection.Query<(long, long, string)>("SELECT care_type, year, per_day FROM tariff ORDER BY care_type, year"))
            text.Append(careType).Append('|').Append(year).Append('|').Append(perDay).Append('\n');
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
