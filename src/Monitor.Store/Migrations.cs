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

    public static void Apply(SqliteConnection connection)
    {
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS schema_migration (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """);
        var applied = connection.Query<long>("SELECT version FROM schema_migration").ToHashSet();
        foreach (var (version, name, sql) in All)
        {
            if (applied.Contains(version)) continue;
            using var transaction = connection.BeginTransaction();
            connection.Execute(sql, transaction: transaction);
            connection.Execute("INSERT INTO schema_migration (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = DateTime.UtcNow.ToString("o") }, transaction);
            transaction.Commit();
        }
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
