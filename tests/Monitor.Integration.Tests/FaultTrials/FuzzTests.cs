using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Core.Checks;
using Monitor.Integration.Tests.Support;

namespace Monitor.Integration.Tests.FaultTrials;

/// <summary>
/// The fault trials of issue 16 as a test: seeded mutations (<see cref="Mutations"/>) of valid files of
/// every format, each imported into a copy of a small store. Whatever the damage: exit 0 or 2, never 1; for
/// 2 one line on stderr saying why; a file rejected whole leaves nothing behind; a measurement afterwards
/// still succeeds; and no value of the file — above all no nine-digit number — appears in what the import
/// printed, in any reason the store keeps, or anywhere in the store's bytes.
/// </summary>
public sealed partial class FuzzTests
{
    private const int Cases = 320;
    private const int LinesPerFile = 31;
    private static readonly string[] SensitiveColumns = ["bsn", "client_id", "productcode", "aanbieder", "bedrag", "postcode"];

    [GeneratedRegex("(?<![0-9])[0-9]{9}(?![0-9])")]
    private static partial Regex NineDigits();

    [Fact]
    public void DamagedFilesOfEveryFormatAreRefusedCleanlyAndLeakNothing()
    {
        var samples = SampleFiles();
        using var template = new TestFolder();
        BuildStore(template, samples);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, Cases, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var sample = samples[i % samples.Count];
            var (mutation, apply) = Mutations.All[i / samples.Count % Mutations.All.Length];
            var original = Head(File.ReadAllBytes(sample), LinesPerFile);
            var damaged = apply(original, new Random(i));
            var what = $"case {i}: {Path.GetFileName(sample)}, {mutation}";
            try
            {
                if (Trial(template, damaged, original) is { } failure) failures.Add($"{what}: {failure}");
            }
            catch (Exception e)
            {
                failures.Add($"{what}: {e.GetType().Name}: {e.Message}");
            }
        });
        Assert.True(failures.IsEmpty, $"{failures.Count} of {Cases} files:\n" + string.Join("\n", failures.OrderBy(f => f).Take(10)));
    }

    /// <summary>One damaged file into a copy of the template store; null when all is as it should be.</summary>
    private static string? Trial(TestFolder template, byte[] damaged, byte[] original)
    {
        using var folder = new TestFolder();
        foreach (var file in new[] { "monitor.db", "monitor.db.key" }) File.Copy(template.File(file), folder.File(file));
        var path = folder.WriteBytes("levering.csv", damaged);
        var before = Snapshot(folder.Db);

        var import = CommandLine.Run("import", path, "--db", folder.Db);
        if (import.Exit is not (0 or 2)) return $"import exit {import.Exit}: {import.Err.Trim()}";
        var after = Snapshot(folder.Db);
        if (import.Exit == 2)
        {
            var lines = import.Err.Trim().Split('\n');
            if (lines.Length != 1 || lines[0].Length == 0) return $"exit 2 with {lines.Length} lines on stderr: {Cut(import.Err)}";
            if (after with { Attempts = before.Attempts } != before || after.Attempts != before.Attempts + 1)
                return $"a file rejected whole changed the store: {before} → {after}";
        }

        var measure = CommandLine.Run("measure", "--period", "2020", "--as-of", "2021-06-30", "--db", folder.Db, "--json", "-");
        if (measure.Exit != 0) return $"measure after the import: exit {measure.Exit}: {measure.Err.Trim()}";

        var printed = import.Out + import.Err;
        var reasons = string.Join("\n", Reasons(folder.Db));
        if (Reasons(folder.Db).FirstOrDefault(r => r.Length > Monitor.Core.Checks.Reasons.MaxLength) is { } tooLong) return $"a stored reason of {tooLong.Length} characters";
        if (printed.Split('\n').FirstOrDefault(l => l.Length > 2 * Monitor.Core.Checks.Reasons.MaxLength) is { } longLine) return $"a printed line of {longLine.Length} characters";
        foreach (var value in SensitiveValues(damaged, original))
        {
            if (printed.Contains(value, StringComparison.Ordinal)) return $"the output holds a value of the file ({Cut(value)}): {Cut(printed)}";
            if (reasons.Contains(value, StringComparison.Ordinal)) return $"a stored reason holds a value of the file ({Cut(value)})";
        }
        foreach (var number in NineDigits().Matches(Encoding.Latin1.GetString(damaged)).Select(m => m.Value).Distinct().Where(n => n != "000000000"))
        {
            var needle = Encoding.ASCII.GetBytes(number);
            foreach (var stored in Directory.GetFiles(folder.Path, "monitor.db*"))
                if (File.ReadAllBytes(stored).AsSpan().IndexOf(needle) >= 0) return $"{Path.GetFileName(stored)} holds a nine-digit number of the file";
        }
        return null;
    }

    private sealed record StoreState(long Segments, long Imported, long Attempts, long Quarantined, long Duplicates, long Scores, long References);

    private static StoreState Snapshot(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        return new StoreState(
            c.ExecuteScalar<long>("SELECT count(*) FROM segment"),
            c.ExecuteScalar<long>("SELECT count(*) FROM import_file WHERE status = 'imported'"),
            c.ExecuteScalar<long>("SELECT count(*) FROM import_file"),
            c.ExecuteScalar<long>("SELECT count(*) FROM quarantine"),
            c.ExecuteScalar<long>("SELECT count(*) FROM duplicate_row"),
            c.ExecuteScalar<long>("SELECT count(*) FROM rom_score"),
            c.ExecuteScalar<long>("SELECT (SELECT count(*) FROM provider) + (SELECT count(*) FROM municipality) + (SELECT count(*) FROM tariff) + " +
                                  "(SELECT count(*) FROM care_type_code) + (SELECT count(*) FROM population) + (SELECT count(*) FROM end_reason) + " +
                                  "(SELECT count(*) FROM instrument)"));
    }

    private static List<string> Reasons(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        return c.Query<string>("SELECT reason FROM import_file WHERE reason IS NOT NULL UNION ALL SELECT reason FROM quarantine UNION ALL SELECT column_name FROM quarantine").ToList();
    }

    /// <summary>The values that must never be repeated: every nine-digit number of the damaged file, and the
    /// identifying cells (citizen numbers, client ids, product codes, names, amounts) of the original.</summary>
    private static IEnumerable<string> SensitiveValues(byte[] damaged, byte[] original)
    {
        // 000000000 is no citizen number: the reason that refuses it names it (PROTOCOL.md 3.1).
        foreach (Match m in NineDigits().Matches(Encoding.Latin1.GetString(damaged)))
            if (m.Value != "000000000") yield return m.Value;
        var lines = Encoding.UTF8.GetString(original).TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var delimiter = lines[0].Contains(';') ? ';' : ',';
        var header = lines[0].Split(delimiter).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var columns = SensitiveColumns.Select(column => header.IndexOf(column)).Where(i => i >= 0).ToList();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(delimiter);
            foreach (var c in columns)
                if (c < cells.Length && cells[c].Trim() is { Length: >= 5 } value && value != "000000000") yield return value;
        }
    }

    /// <summary>A store with the sample reference data and a small extract, to import damaged files into.</summary>
    private static void BuildStore(TestFolder folder, IReadOnlyList<string> samples)
    {
        var files = samples.Select(s => folder.WriteBytes(Path.GetFileName(s), Head(File.ReadAllBytes(s), LinesPerFile))).ToList();
        var ordered = Monitor.Ingest.ImportOrder.ReferenceFirst(files).Select(f => f.File).ToArray();
        var result = CommandLine.Run(["import", .. ordered, "--db", folder.Db]);
        Assert.True(result.Exit == 0, result.ToString());
        using var c = new SqliteConnection($"Data Source={folder.Db};Pooling=False");
        c.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    private static List<string> SampleFiles()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var samples = Path.Combine(dir.FullName, "data-samples");
            if (Directory.Exists(samples)) return Directory.GetFiles(samples, "*.csv").Order(StringComparer.Ordinal).ToList();
        }
        throw new InvalidOperationException("data-samples/ not found above the test's folder");
    }

    private static byte[] Head(byte[] bytes, int lines)
    {
        var end = 0;
        for (var n = 0; n < lines && end < bytes.Length; n++)
        {
            var next = Array.IndexOf(bytes, (byte)'\n', end);
            end = next < 0 ? bytes.Length : next + 1;
        }
        return bytes[..end];
    }

    private static string Cut(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
