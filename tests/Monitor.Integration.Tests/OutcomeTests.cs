using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Monitor.Integration.Tests.Support;

namespace Monitor.Integration.Tests;

/// <summary>
/// The outcome figures (docs/outcomes.md) end to end through the command line: population, instruments, rijm and
/// rom files imported into a temporary store, the <c>outcomes</c> of a measure document, <c>monitor did</c> and
/// the report's section 4b, all against a small case computed by hand.
/// </summary>
public sealed class OutcomeTests : IDisposable
{
    private readonly TestFolder _folder = new();

    // Youth 0 and 1 live in IJsselland (0193 Zwolle, 0148 Dalfsen), youth 2 in Twente (0153 Enschede).
    private readonly string[] _bsns = Extracts.Bsns(6060).Take(4).ToArray();

    public void Dispose() => _folder.Dispose();

    private const string Regions = """
        gemeentecode;gemeente;regio
        0193;Zwolle;IJsselland
        0148;Dalfsen;IJsselland
        0153;Enschede;Twente
        0164;Hengelo;Twente

        """;

    // IJsselland 8,000 + 2,000 = 10,000 youths aged 0–17; Twente 15,000 + 5,000 = 20,000; the same in 2021.
    private const string Population = """
        gemeentecode;jaar;jeugdigen_0_17
        0193;2020;8000
        0148;2020;2000
        0153;2020;15000
        0164;2020;5000
        0193;2021;8000
        0148;2021;2000
        0153;2021;15000
        0164;2021;5000

        """;

    // SE_diff = 10 · √(2 · (1 − 0.5)) = 10; clinical at 15 or more.
    private const string Instruments = """
        instrument;richting;sd;betrouwbaarheid;grenswaarde;minimum;maximum
        SDQ;lager_is_beter;10;0,5;15;0;40

        """;

    private CommandLine.Result Run(params string[] args)
    {
        var result = CommandLine.Run([.. args, "--db", _folder.Db]);
        Assert.True(result.Exit == 0, result.ToString());
        return result;
    }

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.Db};Pooling=False");
        return connection.ExecuteScalar<long>(sql);
    }

    /// <summary>
    /// Youth 0 (0193): verblijf 2020-04-01..2020-06-30 (91 days).
    /// Youth 1 (0148): verblijf 2019-11-01..2020-01-31 (31 days in 2020), then a crisis placement 2020-12-20..2021-01-10
    ///   (a new episode: 12 days in 2020, in care on 2020-12-31).
    /// Youth 2 (0153, Twente): verblijf 2020-05-01..2020-05-31.
    /// </summary>
    private string Rijm() => _folder.Write("rijm.csv", Extracts.File(
        Extracts.Row(_bsns[0], "2020-04-01", "2020-06-30", municipality: "0193"),
        Extracts.Row(_bsns[1], "2019-11-01", "2020-01-31", municipality: "0148"),
        Extracts.Row(_bsns[1], "2020-12-20", "2021-01-10", municipality: "0148", provider: "41000033", care: "crisis", product: "43A01"),
        Extracts.Row(_bsns[2], "2020-05-01", "2020-05-31", municipality: "0153")));

    /// <summary>
    /// Youth 0: pre 2020-03-15 (22; window 2020-01-02..2020-05-01), post 2020-08-01 (12; window 2020-05-14..2020-09-28).
    /// Youth 1: pre 2019-11-01 (30; the episode's first day), post 2020-01-20 (8; window 2019-12-31..2020-04-30).
    /// Line 6 repeats line 2 (a duplicate); youth 2 is Twente; line 9 names an instrument the instruments file lacks.
    /// </summary>
    private string Rom() => _folder.Write("rom.csv", $"""
        bsn;instrument;informant;datum;score
        {_bsns[0]};SDQ;ouder;2020-03-15;22
        {_bsns[0]};SDQ;ouder;2020-08-01;12
        {_bsns[1]};sdq;ouder;01-11-2019;30
        {_bsns[1]};SDQ;ouder;2020-01-20;8
        {_bsns[0]};SDQ;ouder;2020-03-15;22
        {_bsns[2]};SDQ;ouder;2020-05-01;30
        {_bsns[2]};SDQ;ouder;2020-08-01;0
        {_bsns[0]};CBCL;ouder;2020-03-15;22

        """);

    private JsonElement ImportAll()
    {
        var files = new[] { _folder.Write("regions.csv", Regions), _folder.Write("population.csv", Population), _folder.Write("instruments.csv", Instruments), Rijm(), Rom() };
        var result = Run(["import", .. files, "--json", "-"]);
        return JsonDocument.Parse(result.Out).RootElement.GetProperty("files");
    }

    private static double Number(JsonElement e, string name) => e.GetProperty(name).GetDouble();

    [Fact]
    public void TheMeasureDocumentCarriesTheHandComputedOutcomes()
    {
        ImportAll();
        var measure = Run("measure", "--period", "2020", "--as-of", "2021-06-30", "--region", "IJsselland", "--json", "-");
        var o = JsonDocument.Parse(measure.Out).RootElement.GetProperty("outcomes");

        // days in 2020: 91 (youth 0) + 31 (youth 1, 2020-01-01..01-31) + 12 (youth 1, 2020-12-20..12-31) = 134
        Assert.Equal(134, o.GetProperty("residential_days").GetInt64());
        Assert.Equal(2020, o.GetProperty("population_year").GetInt32());
        Assert.Equal(10_000, o.GetProperty("population").GetInt64());
        Assert.Equal(13.4, Number(o, "residential_days_per_1000"), 10);     // 134 × 1000 / 10,000
        Assert.Equal(0.2, Number(o, "entries_per_1000"), 10);              // 2 entries (2020-04-01, 2020-12-20) × 1000 / 10,000
        Assert.Equal(1, o.GetProperty("in_care_at_period_end").GetInt32()); // youth 1's crisis placement
        Assert.Equal(0.1, Number(o, "in_care_at_period_end_per_1000"), 10);

        // Q1: youth 1's first stay ends 01-31; Q2: youth 0 enters 04-01 and leaves 06-30 (in care that day); Q4: youth 1 enters 12-20
        var flows = o.GetProperty("flows").EnumerateArray()
            .Select(q => $"{q.GetProperty("quarter").GetString()} {q.GetProperty("from").GetString()}..{q.GetProperty("to").GetString()} " +
                         $"{q.GetProperty("entries").GetInt32()}/{q.GetProperty("exits").GetInt32()}/{q.GetProperty("in_care_at_end").GetInt32()}");
        Assert.Equal(["2020-Q1 2020-01-01..2020-03-31 0/1/0", "2020-Q2 2020-04-01..2020-06-30 1/1/1",
                      "2020-Q3 2020-07-01..2020-09-30 0/0/0", "2020-Q4 2020-10-01..2020-12-31 1/0/1"], flows);

        var crisis = o.GetProperty("crisis");
        Assert.Equal(1, crisis.GetProperty("crisis_segments_started").GetInt32());
        Assert.Equal(50.0, Number(crisis, "crisis_segments_per_100_youths"), 10); // 1 × 100 / 2 youths
        Assert.Equal(0, crisis.GetProperty("cbs_started_as_crisis").GetInt32());
        var endings = o.GetProperty("endings");
        Assert.Equal(0, endings.GetProperty("ended").GetInt32()); // a rijm file has no end reasons
        Assert.Equal(JsonValueKind.Null, endings.GetProperty("premature_share").ValueKind);

        // Pairs (22, 12) and (30, 8); youth 2's pair is Twente's. Changes −10 and −22: mean −16;
        // sample sd √((6² + 6²) / 1) = √72 = 8.485; d_z = −16 / 8.485 = −1.8856.
        // RCI −10 / 10 = −1 (unchanged) and −22 / 10 = −2.2 (improved). Both started clinical (>= 15), both end below 15.
        var rom = Assert.Single(o.GetProperty("rom").EnumerateArray());
        Assert.Equal("SDQ", rom.GetProperty("instrument").GetString());
        Assert.Equal("ouder", rom.GetProperty("informant").GetString());
        Assert.Equal(2, rom.GetProperty("pairs").GetInt32());
        Assert.Equal(26.0, Number(rom, "mean_pre"), 10);
        Assert.Equal(10.0, Number(rom, "mean_post"), 10);
        Assert.Equal(-16.0, Number(rom, "mean_change"), 10);
        Assert.Equal(-16 / Math.Sqrt(72), Number(rom, "effect_size_dz"), 10);
        Assert.Equal(0.5, Number(rom, "improved_share"), 10);
        Assert.Equal(0.5, Number(rom, "unchanged_share"), 10);
        Assert.Equal(0.0, Number(rom, "deteriorated_share"), 10);
        Assert.Equal(2, rom.GetProperty("started_clinical").GetInt32());
        Assert.Equal(1.0, Number(rom, "recovered_share"), 10);
        Assert.Empty(o.GetProperty("notes").EnumerateArray());
    }

    [Fact]
    public void ARomDuplicateIsCountedNotStoredAgain()
    {
        var rom = ImportAll().EnumerateArray().Single(f => f.GetProperty("format").GetString() == "rom");
        // 8 rows: 6 stored, line 6 repeats line 2, line 9 refused
        Assert.Equal((8, 6, 1, 1), (rom.GetProperty("rows_read").GetInt32(), rom.GetProperty("rows_accepted").GetInt32(),
            rom.GetProperty("rows_rejected").GetInt32(), rom.GetProperty("rows_duplicate").GetInt32()));
        Assert.Equal(6, Count("SELECT count(*) FROM rom_score"));

        // Another file with one stored score (12,0 is 12) and one new one: 1 duplicate, 1 stored.
        var again = _folder.Write("rom2.csv", $"bsn;instrument;informant;datum;score\n{_bsns[0]};sdq;ouder;2020-08-01;12,0\n{_bsns[0]};SDQ;jongere;2020-08-01;12\n");
        var second = JsonDocument.Parse(Run("import", again, "--json", "-").Out).RootElement.GetProperty("files")[0];
        Assert.Equal((1, 1), (second.GetProperty("rows_accepted").GetInt32(), second.GetProperty("rows_duplicate").GetInt32()));
        Assert.Equal(7, Count("SELECT count(*) FROM rom_score"));
    }

    [Fact]
    public void ARomRowWithAnUnknownInstrumentIsRefusedInItsColumn()
    {
        ImportAll();
        var quarantine = JsonDocument.Parse(Run("quarantine", "--json", "-").Out).RootElement.GetProperty("rejected_rows");
        var row = Assert.Single(quarantine.EnumerateArray());
        Assert.EndsWith("rom.csv", row.GetProperty("file").GetString());
        Assert.Equal(9, row.GetProperty("line").GetInt32());
        Assert.Equal("instrument", row.GetProperty("column").GetString());
        Assert.Equal("instrument is not in the instruments file", row.GetProperty("reason").GetString());
    }

    [Fact]
    public void RomScoresBeforeTheInstrumentsFileAreRefused()
    {
        // import instruments first: in one command files are imported in argument order
        var rom = _folder.Write("rom-first.csv", $"bsn;instrument;informant;datum;score\n{_bsns[0]};SDQ;ouder;2020-03-15;22\n");
        var result = Run("import", rom, _folder.Write("instruments.csv", Instruments), "--json", "-");
        var first = JsonDocument.Parse(result.Out).RootElement.GetProperty("files")[0];
        Assert.Equal((0, 1), (first.GetProperty("rows_accepted").GetInt32(), first.GetProperty("rows_rejected").GetInt32()));
    }

    [Fact]
    public void ARomFilesCitizenNumbersNeverReachTheStoreOrTheOutput()
    {
        const string failsElfproef = "123456789";
        var extra = _folder.Write("rom-bad.csv", $"""
            bsn;instrument;informant;datum;score
            {failsElfproef};SDQ;ouder;2020-03-15;22
            {_bsns[3]};SDQ;leerkracht;2020-03-15;22
            {_bsns[3]};SDQ;ouder;2099-01-01;22
            {_bsns[3]};SDQ;ouder;2020-03-15;41

            """);
        var printed = new StringBuilder();
        void Print(params string[] args)
        {
            var r = CommandLine.Run([.. args, "--db", _folder.Db]);
            printed.Append(r.Out).Append(r.Err);
        }
        var files = new[] { _folder.Write("regions.csv", Regions), _folder.Write("population.csv", Population), _folder.Write("instruments.csv", Instruments), Rijm(), Rom() };
        Print(["import", .. files]);
        Print("import", extra, "--json", _folder.File("import.json"));
        Print("imports", "--json", "-");
        Print("quarantine");
        Print("quarantine", "--json", _folder.File("quarantine.json"));
        Print("measure", "--period", "2020", "--as-of", "2021-06-30");
        Print("measure", "--period", "2020", "--as-of", "2021-06-30", "--json", _folder.File("measure.json"));
        Print("did", "--regions", "IJsselland,Twente", "--baseline", "2020", "--followup", "2021", "--as-of", "2021-12-31");
        Assert.Contains("bsn fails the elfproef", printed.ToString());
        Assert.Contains("not an informant", printed.ToString());
        Assert.Contains("date is in the future", printed.ToString());
        Assert.Contains("score outside the instrument's range", printed.ToString());

        var sources = new[] { "rijm.csv", "rom.csv", "rom-bad.csv" };
        var written = Directory.GetFiles(_folder.Path).Where(f => !sources.Contains(Path.GetFileName(f))).ToList();
        Assert.Contains(written, f => f.EndsWith("monitor.db", StringComparison.Ordinal));
        foreach (var bsn in _bsns.Append(failsElfproef))
        {
            Assert.DoesNotContain(bsn, printed.ToString());
            var needle = Encoding.ASCII.GetBytes(bsn);
            foreach (var path in written)
                Assert.False(File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0, $"{Path.GetFileName(path)} contains a BSN");
        }
    }

    [Fact]
    public void DidGivesTheHandComputedDifferenceInDifferences()
    {
        // IJsselland (10,000 youths): youth 0 (0193) 2020-01-01..2020-12-31 (366 days), youth 1 (0148) 2020-07-01..2021-06-30
        //   (184 days in 2020, 181 in 2021; 365 in all)
        // Twente (20,000 youths): youth 2 (0153) 2020-01-01..2020-01-31 (31 days), youth 3 (0164) open since 2020-12-01
        //   (31 days in 2020, 365 in 2021; 396 days up to the as-of date 2021-12-31)
        var rijm = _folder.Write("did.csv", Extracts.File(
            Extracts.Row(_bsns[0], "2020-01-01", "2020-12-31", municipality: "0193"),
            Extracts.Row(_bsns[1], "2020-07-01", "2021-06-30", municipality: "0148"),
            Extracts.Row(_bsns[2], "2020-01-01", "2020-01-31", municipality: "0153"),
            Extracts.Row(_bsns[3], "2020-12-01", null, municipality: "0164")));
        Run("import", _folder.Write("regions.csv", Regions), _folder.Write("population.csv", Population), rijm);
        var did = JsonDocument.Parse(Run("did", "--regions", "IJsselland,Twente", "--baseline", "2020", "--followup", "2021",
            "--as-of", "2021-12-31", "--json", "-").Out).RootElement;

        Assert.Equal(["IJsselland", "Twente"], did.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("2021-12-31", did.GetProperty("as_of").GetString());
        Assert.Equal(7, did.GetProperty("gap_days").GetInt32());
        Assert.Equal("2021-01-01", did.GetProperty("followup").GetProperty("from").GetString());

        // residential days per 1,000: IJsselland (366 + 184) × 1000 / 10,000 = 55 → 181 × 1000 / 10,000 = 18.1, change −36.9;
        // Twente (31 + 31) × 1000 / 20,000 = 3.1 → 365 × 1000 / 20,000 = 18.25, change +15.15; DiD = −36.9 − 15.15 = −52.05
        var days = did.GetProperty("figures").GetProperty("residential_days_per_1000");
        var a = days.GetProperty("IJsselland");
        var b = days.GetProperty("Twente");
        Assert.Equal(55.0, Number(a, "baseline"), 10);
        Assert.Equal(18.1, Number(a, "followup"), 10);
        Assert.Equal(-36.9, Number(a, "change"), 10);
        Assert.Equal(3.1, Number(b, "baseline"), 10);
        Assert.Equal(18.25, Number(b, "followup"), 10);
        Assert.Equal(15.15, Number(b, "change"), 10);
        Assert.Equal(-52.05, Number(days, "difference_in_differences"), 10);

        // mean stay of the stock: IJsselland (366 + 365) / 2 = 365.5 → 365, change −0.5; Twente (31 + 396) / 2 = 213.5 → 396,
        // change +182.5; DiD = −0.5 − 182.5 = −183
        var stay = did.GetProperty("figures").GetProperty("mean_stay_days");
        Assert.Equal(365.5, Number(stay.GetProperty("IJsselland"), "baseline"), 10);
        Assert.Equal(213.5, Number(stay.GetProperty("Twente"), "baseline"), 10);
        Assert.Equal(-183.0, Number(stay, "difference_in_differences"), 10);

        // the four measurements are measure documents with their outcomes
        var measurements = did.GetProperty("measurements");
        Assert.Equal(550, measurements.GetProperty("a_baseline").GetProperty("outcomes").GetProperty("residential_days").GetInt64());
        Assert.Equal(365, measurements.GetProperty("b_followup").GetProperty("outcomes").GetProperty("residential_days").GetInt64());
    }

    [Fact]
    public void DidWithoutAPopulationCountGivesNullNotZero()
    {
        var rijm = _folder.Write("did.csv", Extracts.File(
            Extracts.Row(_bsns[0], "2020-01-01", "2020-12-31", municipality: "0193"),
            Extracts.Row(_bsns[2], "2020-01-01", "2021-01-31", municipality: "0153")));
        // 0164 (Twente) has no count for 2021
        var population = _folder.Write("population.csv", string.Join("\n", Population.Split('\n').Where(l => !l.StartsWith("0164;2021", StringComparison.Ordinal))));
        Run("import", _folder.Write("regions.csv", Regions), population, rijm);
        var did = JsonDocument.Parse(Run("did", "--regions", "IJsselland,Twente", "--baseline", "2020", "--followup", "2021",
            "--as-of", "2021-12-31", "--json", "-").Out).RootElement;
        var days = did.GetProperty("figures").GetProperty("residential_days_per_1000");
        Assert.Equal(JsonValueKind.Null, days.GetProperty("Twente").GetProperty("followup").ValueKind);
        Assert.Equal(JsonValueKind.Null, days.GetProperty("difference_in_differences").ValueKind);
        var notes = did.GetProperty("measurements").GetProperty("b_followup").GetProperty("outcomes").GetProperty("notes");
        Assert.Contains("0164", Assert.Single(notes.EnumerateArray()).GetString());
    }

    [Fact]
    public void TheReportHasTheOutcomesSectionAndItsTables()
    {
        ImportAll();
        var report = _folder.File("report");
        Run("report", "--baseline", "2020", "--followup", "2021", "--as-of", "2021-12-31", "--out", report);
        var html = File.ReadAllText(Path.Combine(report, "index.html"));
        Assert.Matches(@"\d+\. Uitkomsten</h2>", html);
        Assert.Contains(">tables/uitkomsten-dagen-per-1000.csv</a>", html);
        Assert.Contains(">tables/stromen-per-kwartaal.csv</a>", html);

        // without a region the area is the regions file: 8,000 + 2,000 + 15,000 + 5,000 = 30,000 youths, in 2020 and in 2021
        var days = File.ReadAllLines(Path.Combine(report, "tables", "uitkomsten-dagen-per-1000.csv"));
        Assert.Contains(days, l => l.Contains("Jeugdigen van 0 tot en met 17 jaar in het gebied", StringComparison.Ordinal) && l.EndsWith(",aantal,30000,30000", StringComparison.Ordinal));
        Assert.Contains(days, l => l.StartsWith("Verblijfsdagen per 1.000 jeugdigen in het gebied,", StringComparison.Ordinal));

        // All three youths (no region); counts of 1 to 9 are withheld, so their cells are empty and only zeros remain:
        //   2020-Q1: youth 1 leaves on 01-31;  2020-Q2: youths 0 and 2 enter and leave, youth 0 is in care on 06-30;
        //   2020-Q4: youth 1's crisis placement starts 12-20 and runs over 12-31;  2021-Q1: it ends on 01-10
        Assert.Equal(
        [
            "Kwartaal,verblijven begonnen (aantal),verblijven beëindigd (aantal),in verblijf op de laatste dag (aantal)",
            "K1 2020,0,,0", "K2 2020,,,", "K3 2020,0,0,0", "K4 2020,,0,",
            "K1 2021,0,,0", "K2 2021,0,0,0", "K3 2021,0,0,0", "K4 2021,0,0,0",
        ], File.ReadAllLines(Path.Combine(report, "tables", "stromen-per-kwartaal.csv")).Where(l => l.Length > 0));
        var published = new ReportFolder(report);
        Assert.True(published.Published["baseline.outcomes.flows.2020-Q2.entries"].Hidden);
        Assert.Equal(0, published.Published["baseline.outcomes.flows.2020-Q3.entries"].Value);
    }
}
