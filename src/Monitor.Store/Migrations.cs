using System.Collections.Concurrent;
using System.Reflection;
using Dapper;

namespace Monitor.Store;

/// <summary>
/// Applies the numbered SQL files of the engine's schema folder (<c>schema/</c> for SQLite, <c>schema/postgresql/</c>
/// for PostgreSQL, embedded in this assembly, the same tables in each) that the store has not seen yet, each in its
/// own transaction, and records them in <c>schema_migration</c>.
/// </summary>
internal static class Migrations
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(int Version, string Name, string Sql)>> ByFolder = new();

    public static IReadOnlyList<(int Version, string Name, string Sql)> For(string folder) => ByFolder.GetOrAdd(folder, Load);

    /// <summary>
    /// Each migration is applied in a transaction that holds the engine's migration lock (SQLite: an IMMEDIATE
    /// transaction; PostgreSQL: a transaction-scoped advisory lock) and first reads whether it is still needed: two
    /// commands opening a new store at the same moment then take turns, and the second finds the first one's work
    /// done instead of creating the same tables again (issue 16).
    /// </summary>
    /// <exception cref="StoreException">The store holds another product's tables, or a newer schema than this build knows.</exception>
    public static void Apply(MonitorStore store)
    {
        var all = For(store.Engine.SchemaFolder);
        if (IsCurrent(store, all)) return;
        foreach (var (version, name, sql) in all)
        {
            using var transaction = store.Engine.BeginMigration();
            store.Connection.Execute("""
                CREATE TABLE IF NOT EXISTS schema_migration (
                    version    INTEGER PRIMARY KEY,
                    name       TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                )
                """, transaction: transaction);
            if (store.Connection.ExecuteScalar<long>("SELECT count(*) FROM schema_migration WHERE version = @version", new { version }, transaction) > 0) continue;
            store.Connection.Execute(sql, transaction: transaction);
            store.Connection.Execute("INSERT INTO schema_migration (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = DateTime.UtcNow.ToString("o") }, transaction);
            transaction.Commit();
        }
    }

    /// <summary>Whether every migration is applied already: the usual case, answered without a write lock. Refuses a
    /// database that is not a Verblijfsmonitor store, or one that a newer build has migrated further.</summary>
    private static bool IsCurrent(MonitorStore store, IReadOnlyList<(int Version, string Name, string Sql)> all)
    {
        var tables = store.Engine.TableNames();
        if (!tables.Contains("schema_migration"))
        {
            if (tables.Count > 0)
                throw new StoreException($"the store {store.Path} holds tables of another product ({string.Join(", ", tables.Order(StringComparer.Ordinal).Take(3))}{(tables.Count > 3 ? ", …" : "")}) and no Verblijfsmonitor schema: use an empty database or file");
            return false;
        }
        var applied = store.Connection.Query<(long Version, string Name)>("SELECT CAST(version AS BIGINT), name FROM schema_migration").ToList();
        if (applied.Count > 0 && !applied.Any(a => a.Version == all[0].Version && a.Name == all[0].Name))
            throw new StoreException($"the store {store.Path} has a schema_migration table of another product (no {all[0].Name}): use an empty database or file");
        var newest = all[^1].Version;
        if (applied.Count > 0 && applied.Max(a => a.Version) is var version && version > newest)
            throw new StoreException($"the store {store.Path} has schema version {version}, newer than this monitor knows ({newest}): use the newer monitor that migrated it");
        return applied.Select(a => a.Version).ToHashSet().IsSupersetOf(all.Select(m => (long)m.Version));
    }

    private static List<(int, string, string)> Load(string folder)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"schema/{folder}/";
        var migrations = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            if (!int.TryParse(name.AsSpan(0, name.IndexOf('_')), out var version))
                throw new InvalidOperationException($"migration {name} does not start with a number");
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add((version, name, reader.ReadToEnd()));
        }
        return migrations.OrderBy(m => m.Item1).ToList();
    }
}
