using System.Data.Common;
using Monitor.Core.Domain;

namespace Monitor.Store;

/// <summary>
/// What differs between the two engines the store runs on, behind <see cref="MonitorStore"/>'s one surface: how a
/// write waits for another (<see cref="BeginWrite"/>), how a snapshot is held, how an import's segment rows go in and
/// how a measurement's rows come out (the hot paths, each in the engine's own fastest way), and where the caches
/// live. Everything else — the SQL of the import record, reference data, run history, coverage and outcomes — is the
/// same text on both (schema/ and schema/postgresql/ hold the same tables). <see cref="SqliteEngine"/> is the
/// embedded file; <see cref="PostgresEngine"/> a database on a server (issue 15).
/// </summary>
internal abstract class Engine
{
    /// <summary>Which migrations apply: the embedded resources under <c>schema/NAME/</c>.</summary>
    public abstract string SchemaFolder { get; }

    /// <summary>Starts a migration's transaction, holding the lock that makes two openers of a new store take turns.</summary>
    public abstract DbTransaction BeginMigration();

    /// <summary>The names of the store's own tables (of its schema), to tell a new store, ours, and another product's.</summary>
    public abstract IReadOnlySet<string> TableNames();

    /// <summary>Takes the store's one write lock inside a new transaction, waiting for another writer as
    /// <paramref name="wait"/> says (and telling it who holds the lock).</summary>
    /// <param name="parentsGuaranteed">The writer itself guarantees every foreign key of what it writes (a segment
    /// file's import, docs/decisions.md "Store"): an engine may then leave the per-row checks out until
    /// <see cref="EndWrite"/>.</param>
    public abstract DbTransaction BeginWrite(LockWait wait, bool parentsGuaranteed = false);

    /// <summary>After the transaction of <see cref="BeginWrite"/> committed or rolled back: the connection checks
    /// foreign keys again.</summary>
    public virtual void EndWrite()
    {
    }

    /// <summary>Says, for those who wait, that this process writes <paramref name="file"/> now.</summary>
    public abstract void NoteWriter(string file);

    public abstract void ClearWriterNote();

    /// <summary>Starts the read transaction of a snapshot (<see cref="MonitorStore.BeginSnapshot"/>) on the store's connection.</summary>
    public abstract void BeginSnapshotTransaction();

    public abstract void EndSnapshotTransaction();

    /// <summary>The writer of one import's segment rows and youth numbers, inside <paramref name="transaction"/>.</summary>
    public abstract ISegmentWriter CreateSegmentWriter(DbTransaction transaction, long importId, IReadOnlySet<long> supersededImports, bool cbsColumns);

    /// <summary>The segments in force whose row id is above <paramref name="afterId"/>, in id order, in the open snapshot if any.</summary>
    public abstract Segment[] ReadSegments(long afterId);

    public abstract SegmentAttributes ReadSegmentAttributes(IReadOnlyCollection<CareType> careTypes, DateOnly asOf);

    public abstract IEnumerable<SegmentLineage> ReadSegmentLineage(DateOnly asOf);

    /// <summary>The folder of the caches derived from the store (<c>Caching/</c>).</summary>
    public abstract string CacheFolder { get; }

    /// <summary>The engine's reason for a failure, without its codes and prefixes (and never a password).</summary>
    public abstract string Describe(Exception e);
}

/// <summary>
/// Writes one import's accepted segment rows: hands out youth and segment ids, detects duplicates (PROTOCOL.md 3.1)
/// and records them after the rows they repeat. How and when rows reach the store is the engine's; what is a
/// duplicate of what is the same on both.
/// </summary>
internal interface ISegmentWriter : IDisposable
{
    /// <summary>Stores the row, or counts it as a duplicate of the row it repeats (perhaps only at the next flush).</summary>
    void Add(Monitor.Core.Checks.CheckedSegment row);

    /// <summary>The store's number of a youth key, created when new (questionnaire scores).</summary>
    long YouthIdOf(string youthKey);

    /// <summary>Writes every row still waiting, then the duplicate records; returns the counts of all rows so far.</summary>
    SegmentCounts Flush();
}

/// <summary>How many of an import's segment rows were stored, and how many were duplicates.</summary>
/// <param name="FirstId">The id of the first stored row: a writer hands out its rows' ids one after the other.</param>
public readonly record struct SegmentCounts(int Stored, int Duplicate, long FirstId)
{
    /// <summary>The ids of the stored rows, first to last; null when none was stored (schema/0007_segment_ranges.sql).</summary>
    public (long First, long Last)? Ids => Stored == 0 ? null : (FirstId, FirstId + Stored - 1);
}
