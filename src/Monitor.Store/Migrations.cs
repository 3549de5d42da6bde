using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Monitor.Store;

/// <summary>
/// Applies the numbered SQL files of <c>schema/</c> (embedded in this assembly) that the store has not
/// seen yet, each in its own transaction, and records them in <c>schema_migration</c>.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } = Load();

    /// <summary>
    /// Each migration is applied in an IMMEDIATE transaction that first reads whether it is still needed:
    /// two commands opening a new store at the same moment then take turns, and the second finds the
    /// first one's work done instead of creating the same tables again (issue 16).
    /// </summary>
    public static void Apply(SqliteConnection connection)
    {
        if (IsCurrent(connection)) return;
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            connection.Execute("""
                CREATE TABLE IF NOT EXISTS schema_migration (
                    version    INTEGER PRIMARY KEY,
                    name       TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                )
                """, transaction: transaction);
            transaction.Commit();
        }
        foreach (var (version, name, sql) in All)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            if (connection.ExecuteScalar<long>("SELECT count(*) FROM schema_migration WHERE version = @version", new { version }, transaction) > 0) continue;
            connection.Execute(sql, transaction: transaction);
            connection.Execute("INSERT INTO schema_migration (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = DateTime.UtcNow.ToString("o") }, transaction);
            transaction.Commit();
        }
    }

    /// <summary>Whether every migration is applied already: the usual case, answered without a write lock.</summary>
    private static bool IsCurrent(SqliteConnection connection)
    {
        var exists = connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'") > 0;
        return exists && connection.Query<long>("SELECT version FROM schema_migration").ToHashSet().IsSupersetOf(All.Select(m => (long)m.Version));
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var migrations = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("schema/", StringComparison.Ordinal)))
        {
            var name = resource["schema/".Length..];
            if (!int.TryParse(name.AsSpan(0, name.IndexOf('_')), out var version))
                throw new InvalidOperationException($"migration {name} does not start with a number");
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add((version, name, reader.ReadToEnd()));
        }
        return migrations.OrderBy(m => m.Item1).ToList();
    }
}
