using System.Text;
using Monitor.Integration.Tests.Support;

namespace Monitor.Integration.Tests;

/// <summary>No raw BSN is ever stored, logged, printed or exported (PROTOCOL.md 3.3).</summary>
public sealed class PrivacyTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void NoCitizenNumberReachesTheStoreTheOutputOrTheExports()
    {
        var bsns = Extracts.Bsns(2024).Take(40).ToList();
        var rows = bsns.Select((b, i) => Extracts.Row(b, $"2020-{1 + i % 12:D2}-01", i % 3 == 0 ? null : $"2020-{1 + i % 12:D2}-20")).ToList();
        const string failsElfproef = "123456789";
        rows.Add(Extracts.Row(failsElfproef, "2020-01-01", null));
        rows.Add(Extracts.Row(bsns[0], "2020-01-01", "2019-01-01")); // a refused row of a valid BSN
        var file = _folder.Write("bsn.csv", Extracts.File([.. rows]));

        var printed = new StringBuilder();
        void Run(params string[] args)
        {
            var r = CommandLine.Run([.. args, "--db", _folder.Db]);
            printed.Append(r.Out).Append(r.Err);
        }
        Run("import", file, "--json", _folder.File("import.json"));
        Run("import", file);
        Run("imports", "--json", "-");
        Run("quarantine");
        Run("quarantine", "--json", _folder.File("quarantine.json"));
        Run("measure", "--period", "2020", "--as-of", "2021-01-01", "--json", "-");
        Run("episodes", "--as-of", "2021-01-01", "--csv", _folder.File("episodes.csv"), "--segments-csv", _folder.File("segments.csv"));
        Assert.Contains("bsn fails the elfproef", printed.ToString());

        var written = Directory.GetFiles(_folder.Path).Where(f => !f.EndsWith("bsn.csv", StringComparison.Ordinal)).ToList();
        Assert.Contains(written, f => f.EndsWith("monitor.db", StringComparison.Ordinal));
        foreach (var bsn in bsns.Append(failsElfproef))
        {
            Assert.DoesNotContain(bsn, printed.ToString());
            var needle = Encoding.ASCII.GetBytes(bsn);
            foreach (var path in written)
                Assert.False(File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0, $"{Path.GetFileName(path)} contains a BSN");
        }
    }

    [Fact]
    public void TheSameBsnGetsTheSameKeyAcrossRunsAndAnotherKeyUnderAnotherSecret()
    {
        var bsn = Extracts.Bsns(5).First();
        var a = _folder.Write("a.csv", Extracts.File(Extracts.Row(bsn, "2020-01-01", "2020-01-31")));
        var b = _folder.Write("b.csv", Extracts.File(Extracts.Row(bsn, "2020-03-01", "2020-03-31", provider: "41000022")));
        string KeysOf(string db, string csv)
        {
            var r = CommandLine.Run("episodes", "--as-of", "2021-01-01", "--gap-days", "0", "--csv", "-", "--db", db);
            Assert.True(r.Exit == 0, r.ToString());
            return string.Join(",", r.Out.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).Distinct());
        }

        var store1 = _folder.File("one.db");
        CommandLine.Run("import", a, "--db", store1);
        CommandLine.Run("import", b, "--db", store1); // a second run: the same key file
        var keys1 = KeysOf(store1, "x");
        Assert.Matches("^[0-9a-f]{64}$", keys1); // one youth, two episodes

        var store2 = _folder.File("two.db"); // its own, new key file
        CommandLine.Run("import", a, "--db", store2);
        Assert.NotEqual(keys1, KeysOf(store2, "x"));
        Assert.True(File.Exists(store1 + ".key"));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store1 + ".key"));
    }
}
