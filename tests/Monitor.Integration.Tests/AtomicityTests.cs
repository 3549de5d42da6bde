using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Integration.Tests.Support;

namespace Monitor.Integration.Tests;

/// <summary>After any crash a file is either fully in the store or not at all (PROTOCOL.md 3.2).</summary>
public sealed class AtomicityTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AnImportKilledMidFileLeavesNothingOfItAndCanBeRepeated()
    {
        const int rows = 400_000;
        var file = _folder.File("large.csv");
        Extracts.WriteLarge(file, rows);
        var small = _folder.Write("small.csv", Extracts.File(Extracts.Row(Extracts.Bsns(99).First(), "2020-01-01", null)));
        Assert.Equal(0, CommandLine.Run("import", small, "--db", _folder.Db).Exit);

        // Redirected output prints a line every 100,000 rows: the first one proves the import is under way.
        using (var child = ChildProcess.Start(ChildProcess.HoldingImport(), "import", file, "--db", _folder.Db))
        {
            var line = child.StandardOutput.ReadLine();
            Assert.True(line is not null && line.Contains(" rows read…"), $"expected a progress line, got: {line}");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }

        using (var connection = new SqliteConnection($"Data Source={_folder.Db};Pooling=False"))
        {
            Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM segment"));
            Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM import_file"));
            Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check"));
        }

        var again = CommandLine.Run("import", file, "--db", _folder.Db);
        Assert.True(again.Exit == 0, again.ToString());
        Assert.True(again.Out.Contains($"{rows} rows read, {rows} accepted"), again.ToString());
    }
}
