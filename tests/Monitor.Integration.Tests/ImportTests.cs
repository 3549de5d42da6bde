using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Integration.Tests.Support;

namespace Monitor.Integration.Tests;

/// <summary>The import's file rules (PROTOCOL.md 3.2) and the bad input table of the import issue.</summary>
public sealed class ImportTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly string[] _bsns = Extracts.Bsns(7).Take(10).ToArray();

    public void Dispose() => _folder.Dispose();

    private CommandLine.Result Import(params string[] args) => CommandLine.Run(["import", .. args, "--db", _folder.Db]);

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.Db};Pooling=False");
        return connection.ExecuteScalar<long>(sql);
    }

    private long Segments => Count("SELECT count(*) FROM segment");

    [Fact]
    public void ARowBreakingACheckIsQuarantinedAndTheRestImported()
    {
        var file = _folder.Write("x.csv", Extracts.File(
            Extracts.Row(_bsns[0], "2020-01-01", "2020-03-31"),
            Extracts.Row(_bsns[1], "2020-02-01", "2020-01-31"),
            Extracts.Row(_bsns[2], "2020-01-01", null)));
        var result = Import(file);
        Assert.Equal(0, result.Exit);
        Assert.Contains("3 rows read, 2 accepted, 1 refused", result.Out);
        Assert.Contains("line 3, einddatum: end before start", result.Out);
        Assert.Equal(2, Segments);
        Assert.Equal(1, Count("SELECT count(*) FROM quarantine WHERE line = 3 AND column_name = 'einddatum'"));
    }

    [Theory]
    [InlineData("empty", "", "the file is empty")]
    [InlineData("whitespace", "  \n\r\n\t\n", "the file is empty")]
    [InlineData("bom-only", "\uFEFF\n", "the file is empty")]
    [InlineData("missing-column", "bsn;geboortedatum;gemeentecode;agb_code;zorgsoort\n123456782;2010-01-01;0193;41000011;verblijf\n", "missing required column begindatum")]
    [InlineData("unknown-header", "naam;leeftijd\nPiet;12\n", "cannot tell the format")]
    [InlineData("unclosed-quote", "bsn;geboortedatum;gemeentecode;agb_code;zorgsoort;begindatum\n\"123456782;2010-01-01;0193;41000011;verblijf;2020-01-01\n", "never closed")]
    public void AFileThatCannotBeReadIsRejectedWholeWithExit2(string name, string content, string reason)
    {
        var file = _folder.Write(name + ".csv", content);
        var result = Import(file);
        Assert.Equal(2, result.Exit);
        Assert.Contains(reason, result.Err);
        Assert.Equal(0, Segments);
        Assert.Equal(0, Count("SELECT count(*) FROM quarantine"));
        Assert.Equal(1, Count("SELECT count(*) FROM import_file WHERE status = 'rejected'"));
    }

    [Fact]
    public void ABinaryFileIsRejectedWhole()
    {
        var file = _folder.WriteBytes("binary.csv", [.. "bsn;begindatum\n"u8.ToArray(), 0x00, 0x01, 0x02, (byte)'\n']);
        var result = Import(file);
        Assert.Equal(2, result.Exit);
        Assert.Contains("not text", result.Err);
        Assert.Equal(0, Segments);
    }

    [Fact]
    public void InvalidUtf8IsRejectedWhole()
    {
        var text = System.Text.Encoding.UTF8.GetBytes(Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", null)));
        var latin1 = text.Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray(); // a Latin-1 'é' on its own
        var result = Import(_folder.WriteBytes("latin1.csv", latin1));
        Assert.Equal(2, result.Exit);
        Assert.Contains("not UTF-8", result.Err);
        Assert.Equal(0, Segments);
    }

    [Fact]
    public void AMissingFileIsExit2AndTheOtherFilesStillImport()
    {
        var good = _folder.Write("good.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", null)));
        var result = Import(_folder.File("nowhere.csv"), good, "--json", "-");
        Assert.Equal(2, result.Exit);
        Assert.Contains("\"reason\": \"file not found\"", result.Out);
        Assert.Equal(1, Segments);
    }

    [Fact]
    public void AHeaderOnlyFileImportsZeroRows()
    {
        var result = Import(_folder.Write("header.csv", Extracts.RijmHeader + "\n"));
        Assert.Equal(0, result.Exit);
        Assert.Contains("imported as rijm: 0 rows read", result.Out);
    }

    [Fact]
    public void TheSameFileAgainChangesNothing()
    {
        var file = _folder.Write("x.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", null), Extracts.Row(_bsns[1], "2020-01-01", null)));
        Assert.Equal(0, Import(file).Exit);
        var copy = _folder.File("copy-of-x.csv");
        File.Copy(file, copy); // another name, the same bytes
        var again = Import(copy, "--json", "-");
        Assert.Equal(0, again.Exit);
        Assert.Contains("\"status\": \"already_imported\"", again.Out);
        Assert.Contains("\"rows_read\": 0", again.Out);
        Assert.Equal(2, Segments);
    }

    [Fact]
    public void StrictRejectsTheWholeFileAndStoresNothing()
    {
        var file = _folder.Write("x.csv", Extracts.File(
            Extracts.Row(_bsns[0], "2020-01-01", null),
            Extracts.Row("123456789", "2020-01-01", null),
            Extracts.Row(_bsns[1], "2020-01-01", null, amount: "-5")));
        var result = Import(file, "--strict", "--json", "-");
        Assert.Equal(2, result.Exit);
        Assert.Contains("\"status\": \"rejected\"", result.Out);
        Assert.Contains("\"rows_rejected\": 2", result.Out);
        Assert.Equal(0, Segments);
        Assert.Equal(0, Count("SELECT count(*) FROM quarantine"));

        // Rejected bytes are processed again on a later try.
        var retry = Import(file);
        Assert.Equal(0, retry.Exit);
        Assert.Equal(1, Segments);
    }

    [Fact]
    public void DuplicatesWithinTheFileAndAgainstTheStoreAreCountedNotStored()
    {
        var row = Extracts.Row(_bsns[0], "2020-01-01", "2020-06-30");
        var first = Import(_folder.Write("a.csv", Extracts.File(row, Extracts.Row(_bsns[1], "2020-01-01", null), row)));
        Assert.Contains("3 rows read, 2 accepted, 0 refused, 1 duplicate", first.Out);

        // The same segment written in another dialect (dd-MM-yyyy, GM prefix, upper case, another amount)
        // is still the same segment: the amount is not part of a duplicate's key.
        var other = "bsn;geboortedatum;gemeentecode;agb_code;productcode;zorgsoort;begindatum;einddatum;bedrag\n" +
                    $"{_bsns[0]};01-01-2010;GM0193;41000011;41A01;VERBLIJF;01-01-2020;30-06-2020;999\n";
        var second = Import(_folder.Write("b.csv", other));
        Assert.Contains("1 rows read, 0 accepted, 0 refused, 1 duplicate", second.Out);
        Assert.Equal(2, Segments);
        Assert.Equal(2, Count("SELECT count(*) FROM duplicate_row"));
    }

    [Fact]
    public void TwoIdenticalRowsOneAfterTheOtherAreOneSegmentAndOneDuplicate()
    {
        // Issue 9: the duplicate pointed at its original while that row still waited in the writer's batch,
        // and the foreign key of duplicate_row failed the whole file.
        var row = Extracts.Row(_bsns[0], "2020-01-01", "2020-06-30");
        var result = Import(_folder.Write("a.csv", Extracts.File(row, row)), "--json", "-");
        Assert.Equal(0, result.Exit);
        Assert.Contains("\"rows_duplicate\": 1", result.Out);
        Assert.Equal(1, Segments);
        Assert.Equal(1, Count("SELECT count(*) FROM duplicate_row d JOIN segment s ON s.id = d.duplicate_of WHERE d.line = 3 AND s.line = 2"));
    }

    [Fact]
    public void ManyRefusedRowsAreAllQuarantinedAndTheFirstTenShown()
    {
        var rows = Enumerable.Range(0, 150).Select(i => Extracts.Row(_bsns[0], "2020-02-01", "2020-01-31", provider: $"4100{i:D4}")).ToArray();
        var result = Import(_folder.Write("bad.csv", Extracts.File(rows)));
        Assert.Equal(0, result.Exit);
        Assert.Contains("150 rows read, 0 accepted, 150 refused", result.Out);
        Assert.Equal(10, result.Out.Split('\n').Count(l => l.StartsWith("  line ", StringComparison.Ordinal)));
        Assert.Contains("… and 140 more: monitor quarantine --file bad.csv", result.Out);
        Assert.Equal(150, Count("SELECT count(*) FROM quarantine"));
    }

    [Fact]
    public void TheSameSegmentOfTwoYouthsIsNoDuplicate()
    {
        var result = Import(_folder.Write("a.csv", Extracts.File(
            Extracts.Row(_bsns[0], "2020-01-01", "2020-06-30"), Extracts.Row(_bsns[1], "2020-01-01", "2020-06-30"))));
        Assert.Contains("2 rows read, 2 accepted, 0 refused, 0 duplicate", result.Out);
    }

    [Fact]
    public void AMissingProductCodeEqualsAnEmptyOne()
    {
        Import(_folder.Write("a.csv", Extracts.File(Extracts.Row(_bsns[0], "2020-01-01", null, product: ""))));
        var noColumn = "bsn;geboortedatum;gemeentecode;agb_code;zorgsoort;begindatum\n" + $"{_bsns[0]};2010-01-01;0193;41000011;verblijf;2020-01-01\n";
        Assert.Contains("1 duplicate", Import(_folder.Write("b.csv", noColumn)).Out);
    }

    [Fact]
    public void ARefusedRowIsNeverCountedAsADuplicate()
    {
        var bad = Extracts.Row(_bsns[0], "2020-01-01", "2019-01-01");
        var result = Import(_folder.Write("a.csv", Extracts.File(bad, bad)));
        Assert.Contains("2 rows read, 0 accepted, 2 refused, 0 duplicate", result.Out);
    }
}
