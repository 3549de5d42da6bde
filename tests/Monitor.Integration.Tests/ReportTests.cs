using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Monitor.Core.Domain;
using Monitor.Core.Formatting;
using Monitor.Core.Measurements;
using Monitor.Core.Publication;
using Monitor.Integration.Tests.Support;
using Monitor.Store;
using ReportFigures = Monitor.Reporting.Report.ReportFigures;
using ReportInput = Monitor.Reporting.Report.ReportInput;
using ReportOptions = Monitor.Reporting.Report.ReportOptions;

namespace Monitor.Integration.Tests;

/// <summary>The report for policy staff (issues 12 and 10): its figures are those of <c>monitor compare</c> as
/// published, every output (page, CSV, workbook, published.json, charts, summary) agrees, small numbers are
/// hidden everywhere, and nothing in its folder points to a child.</summary>
public sealed partial class ReportTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Report => _folder.File("report");

    private void ImportCase02()
    {
        _folder.CopyExample("case-02-generated");
        var result = CommandLine.RunIn(_folder, "import", "providers.csv", "regions.csv", "caretypes.csv", "tariffs.csv",
            "rijm_2015_2018.csv", "rijm_2019_2022.csv", "--db", "case02.db");
        Assert.Equal(0, result.Exit);
    }

    private ReportFolder WriteCase02(params string[] extra)
    {
        ImportCase02();
        var result = CommandLine.Run(["report", "--baseline", "2020", "--followup", "2021", "--out", Report, "--db", _folder.File("case02.db"), .. extra]);
        Assert.True(result.Exit == 0, result.ToString());
        return new ReportFolder(Report);
    }

    [Fact]
    public void ThePageShowsTheFiguresOfCompareAsPublished()
    {
        var report = WriteCase02("--as-of", "2022-06-30");
        var compare = CommandLine.Run("compare", "--baseline", "2020", "--followup", "2021", "--as-of", "2022-06-30", "--db", _folder.File("case02.db"), "--json", "-");
        using var json = JsonDocument.Parse(compare.Out);
        var compared = 0;
        foreach (Match cell in FigureCell().Matches(report.Html))
        {
            var (key, text) = (cell.Groups["key"].Value, WebUtility.HtmlDecode(cell.Groups["text"].Value));
            if (!key.StartsWith("baseline.", StringComparison.Ordinal) && !key.StartsWith("followup.", StringComparison.Ordinal)) continue;
            var expected = json.RootElement;
            var found = true;
            foreach (var part in key.Split('.'))
                if (expected.ValueKind != JsonValueKind.Object || !expected.TryGetProperty(part, out expected)) { found = false; break; }
            if (!found || text is "x" or "." || text.StartsWith('<')) continue;
            var (shown, tolerance) = ParseDutch(text);
            Assert.True(Math.Abs(expected.GetDouble() - shown) <= tolerance, $"{key}: the page shows {text}, compare says {expected}");
            compared++;
        }
        Assert.True(compared >= 60, $"only {compared} figures were compared");
    }

    [Theory]
    [InlineData(9, true)]
    [InlineData(10, false)]
    public void CountsBelowTenShowAsLessThanTenAndStatisticsOverFewerYouthsAreWithheld(int youths, bool hidden)
    {
        var rows = Extracts.Bsns(9090).Take(youths).Select((bsn, i) =>
            Extracts.Row(bsn, $"2020-{1 + i % 12:D2}-01", $"2021-{1 + i % 12:D2}-15", birth: "2009-06-15", municipality: "0193")).ToArray();
        var extract = _folder.Write("stays.csv", Extracts.File(rows));
        var regions = _folder.Write("regions.csv", "gemeentecode;gemeente;regio\n0193;Zwolle;IJsselland\n");
        Assert.Equal(0, CommandLine.Run("import", regions, extract, "--db", _folder.Db).Exit);
        var result = CommandLine.Run("report", "--baseline", "2020", "--followup", "2021", "--as-of", "2021-12-31", "--out", Report, "--db", _folder.Db);
        Assert.True(result.Exit == 0, result.ToString());

        var report = new ReportFolder(Report);
        var kmCharts = Directory.GetFiles(Path.Combine(Report, "charts"), "km-*.svg");
        if (hidden)
        {
            Assert.Equal("<10", Cell(report.Html, "baseline.counts.youths"));
            Assert.Equal("x", Cell(report.Html, "baseline.duration_days.mean_all"));
            Assert.True(report.Published["baseline.counts.youths"].Hidden);
            Assert.True(report.Published["baseline.duration_days.mean_all"].Hidden);
            Assert.Empty(kmCharts);
            Assert.Contains("is niet getekend: alle waarden erin zijn afgeschermd", report.Html);
        }
        else
        {
            Assert.Equal("10", Cell(report.Html, "baseline.counts.youths"));
            Assert.Matches(@"^\d{3}$", Cell(report.Html, "baseline.duration_days.mean_all"));
            Assert.Equal(2, kmCharts.Length); // the baseline's entries; the follow-up had none and is left out
            Assert.Contains("Niet getekend (afgeschermd): Vervolgmeting 2021.", report.Html);
        }
    }

    [Fact]
    public void TheThresholdCanBeChangedAndAnEarlierReportLeavesNothingBehind()
    {
        WriteCase02("--as-of", "2022-06-30");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Report, "charts")));
        var result = CommandLine.Run("report", "--baseline", "2020", "--followup", "2021", "--as-of", "2022-06-30", "--out", Report,
            "--threshold", "1000", "--db", _folder.File("case02.db"));
        Assert.Equal(0, result.Exit);
        var report = new ReportFolder(Report);
        Assert.Equal("<1000", Cell(report.Html, "baseline.counts.youths"));
        Assert.Equal(1000, report.Threshold);
        Assert.DoesNotContain(report.Published, f => f.Key.StartsWith("baseline.counts.", StringComparison.Ordinal) && f.Value.Value is > 0);
    }

    [Fact]
    public void NoYouthKeyBsnOrBirthDateAppearsInTheReportFolder()
    {
        var bsns = Extracts.Bsns(4242).Take(30).ToList();
        var births = bsns.Select((_, i) => new DateOnly(2007, 3, 3).AddDays(i * 37)).ToList();
        var rows = bsns.Select((bsn, i) => Extracts.Row(bsn, $"2020-{1 + i % 12:D2}-0{1 + i % 9}", i % 4 == 0 ? null : $"2021-{1 + i % 12:D2}-2{i % 9}",
            birth: births[i].ToString("yyyy-MM-dd"), provider: $"4100000{i % 5}")).ToArray();
        Assert.Equal(0, CommandLine.Run("import", _folder.Write("bsn.csv", Extracts.File(rows)), "--db", _folder.Db).Exit);
        Assert.Equal(0, CommandLine.Run("report", "--baseline", "2020", "--followup", "2021", "--as-of", "2022-06-30", "--out", Report, "--db", _folder.Db).Exit);

        var files = Directory.GetFiles(Report, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".xlsx", StringComparison.Ordinal)).ToList();
        Assert.Contains(files, f => f.EndsWith(".svg", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".csv", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotMatch("[0-9a-f]{64}", text);
            foreach (var bsn in bsns) Assert.DoesNotContain(bsn, text);
            foreach (var birth in births)
            {
                Assert.DoesNotContain(birth.ToString("yyyy-MM-dd"), text);
                Assert.DoesNotContain(birth.ToString("dd-MM-yyyy"), text);
                Assert.DoesNotContain(birth.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), text);
            }
        }
    }

    [Fact]
    public void TheReportIsOneSelfContainedPageWithChartsThatCarryTitleDescriptionAndViewBox()
    {
        var report = WriteCase02();
        var html = report.Html;
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var withoutNamespaces = html.Replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        Assert.DoesNotContain("http://", withoutNamespaces);
        Assert.DoesNotContain("https://", withoutNamespaces);
        Assert.DoesNotMatch(@"url\((?!#)", html);
        Assert.DoesNotMatch(@"\ssrc=", html);

        var charts = Directory.GetFiles(Path.Combine(Report, "charts"), "*.svg");
        Assert.True(charts.Length >= 12, $"{charts.Length} charts");
        XNamespace ns = "http://www.w3.org/2000/svg";
        foreach (var chart in charts)
        {
            var svg = XDocument.Load(chart).Root!;
            Assert.False(string.IsNullOrWhiteSpace(Assert.Single(svg.Elements(ns + "title")).Value));
            Assert.False(string.IsNullOrWhiteSpace(Assert.Single(svg.Elements(ns + "desc")).Value));
            Assert.Equal("img", svg.Attribute("role")?.Value);
            Assert.Matches(@"^0 0 \d+ \d+$", svg.Attribute("viewBox")?.Value ?? "");
            Assert.Contains($"id=\"fig-{Path.GetFileNameWithoutExtension(chart)}\"", html);
            Assert.True(new FileInfo(Path.ChangeExtension(chart, ".png")).Length > 1000, $"no PNG beside {chart}");
            // Linked by its file name, which is also what paper shows.
            Assert.Contains($">charts/{Path.GetFileName(chart)}</a>", html);
        }
        var ids = Regex.Matches(html, "\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var table in report.TableFiles)
            Assert.Contains($">tables/{Path.GetFileName(table)}</a>", html);
    }

    [Fact]
    public void TheContentsAndTheHeadingsAreNumberedAlike()
    {
        var report = WriteCase02();
        var contents = Regex.Matches(report.Html, "<li><a href=\"#(?<id>[^\"]+)\">(?<text>[^<]+)</a></li>").Select(m => (m.Groups["id"].Value, WebUtility.HtmlDecode(m.Groups["text"].Value))).ToList();
        var headings = Regex.Matches(report.Html, "<section id=\"(?<id>[^\"]+)\"[^>]*>\\s*<h2[^>]*>(?<text>[^<]+)</h2>").Select(m => (m.Groups["id"].Value, WebUtility.HtmlDecode(m.Groups["text"].Value))).ToList();
        Assert.Equal(headings, contents);
        Assert.Equal(Enumerable.Range(1, headings.Count).Select(i => $"{i}."), headings.Select(h => h.Item2.Split(' ')[0]));
        Assert.True(headings.Count >= 10);
        Assert.Equal("Samenvatting", headings[0].Item2[3..]);
        Assert.Equal("Colofon", headings[^1].Item2.Split(' ', 2)[1]);
    }

    [Fact]
    public void TheDurationChartDrawsWhatItsTableShowsAndNamesWhatItLeavesOut()
    {
        // A threshold of 6 hides some duration classes of this small data set (29 and 41 stays) and shows others.
        var report = WriteCase02("--as-of", "2022-06-30", "--threshold", "6");
        var caption = WebUtility.HtmlDecode(Regex.Match(report.Html, "<figure id=\"fig-verblijfsduur-klassen\">.*?<figcaption>(?<text>[^<]*)", RegexOptions.Singleline).Groups["text"].Value);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var texts = XDocument.Load(Path.Combine(Report, "charts", "verblijfsduur-klassen.svg")).Descendants(ns + "text").Select(t => t.Value).ToList();
        var hidden = 0;
        foreach (var row in report.PageTable("verblijfsduur-klassen").Where(r => !r.Classes.Contains("group")))
        {
            Assert.Contains(row.Label, texts);
            foreach (var (cell, series) in row.Texts.Zip(["Nulmeting 2020", "Vervolgmeting 2021"]))
            {
                if (cell is "x" || cell.StartsWith('<'))
                {
                    hidden++;
                    Assert.Matches($"Niet getekend \\(afgeschermd\\): .*{Regex.Escape(series)} bij [^;.]*{Regex.Escape(row.Label)}", caption);
                }
                else if (cell != "0")
                {
                    Assert.Contains(cell, texts);
                }
            }
        }
        Assert.True(hidden > 0, "the test needs a hidden class");
        Assert.DoesNotMatch(@"(?i)\bnul\b|\bzero\b", caption);
    }

    [Fact]
    public void TheTablesReadBackAsNumbersEqualPublishedJsonAndHiddenCellsAreEmpty()
    {
        var report = WriteCase02("--threshold", "15");
        var cells = report.CsvFigures().ToList();
        Assert.True(cells.Count > 300, $"{cells.Count} figure cells");
        foreach (var (file, key, number) in cells)
        {
            var published = report.Published[key];
            if (published.Hidden || published.Value is null) Assert.True(number is null, $"{file}: {key} is withheld but the file holds {number}");
            else Assert.True(number is { } n && Math.Abs(n - published.Value.Value) <= 1e-9 * Math.Max(1, Math.Abs(n)), $"{file}: {key} is {number}, published.json says {published.Value}");
        }
        Assert.Contains(cells, c => c.Number is null); // some are withheld at 15
        // Plain numbers: no unit, sign or thousands mark in a cell; the header says the unit.
        foreach (var path in report.TableFiles)
        {
            var (header, _) = ReportFolder.ReadCsv(path);
            Assert.DoesNotMatch(@"-\d{1,2}$", Path.GetFileNameWithoutExtension(path)); // names say what they hold, no counters
            Assert.All(header, h => Assert.False(string.IsNullOrWhiteSpace(h), $"{path}: an empty header"));
        }
        Assert.DoesNotContain(cells, c => c.Number is { } n && double.IsNaN(n));
    }

    /// <summary>The same store and parameters give the same report, file for file and byte for byte, the workbook too
    /// (its package would otherwise draw random relationship ids and stamp each part with the time it was written).</summary>
    [Fact]
    public void TheReportWrittenAgainIsTheSameFileForFile()
    {
        WriteCase02("--as-of", "2022-06-30", "--bootstrap", "50");
        var first = _folder.File("first");
        Directory.Move(Report, first);
        Thread.Sleep(2100); // a zip entry's time has a resolution of two seconds
        // Again on the same store: now with the trend years and table rows kept beside it.
        Assert.Equal(0, CommandLine.Run("report", "--baseline", "2020", "--followup", "2021", "--out", Report, "--db", _folder.File("case02.db"),
            "--as-of", "2022-06-30", "--bootstrap", "50").Exit);
        var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order().ToList();
        Assert.Contains("tabellen.xlsx", files);
        Assert.Equal(files, Directory.GetFiles(Report, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Report, f)).Order());
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Report, file))), $"{file} differs");
    }

    [Fact]
    public void TheWorkbookHasEveryTableOnItsOwnSheetWithNumbersAsNumbers()
    {
        var report = WriteCase02("--threshold", "15");
        using var document = SpreadsheetDocument.Open(Path.Combine(Report, "tabellen.xlsx"), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        var tables = report.TableFiles.Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal(tables.Count + 1, sheets.Count);
        var numeric = 0;
        foreach (var table in tables)
        {
            var sheet = sheets.Single(s => table!.StartsWith(s.Name!.Value!, StringComparison.Ordinal));
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var rows = part.Worksheet.Descendants<Row>().ToList();
            var page = report.PageTable(table!);
            Assert.Equal(page.Count + 2, rows.Count); // the caption, the header, the rows
            for (var r = 0; r < page.Count; r++)
            {
                var cells = rows[r + 2].Elements<Cell>().ToList();
                var offset = cells.Count - page[r].Keys.Count;
                for (var c = 0; c < page[r].Keys.Count; c++)
                {
                    if (page[r].Keys[c] is not { } key) continue;
                    var cell = cells[offset + c];
                    var published = report.Published[key];
                    if (published.Hidden || published.Value is null)
                    {
                        Assert.NotEqual(CellValues.Number, cell.DataType?.Value);
                        continue;
                    }
                    Assert.Equal(CellValues.Number, cell.DataType?.Value);
                    Assert.Equal(published.Value.Value, double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture), 9);
                    numeric++;
                }
            }
        }
        Assert.True(numeric > 200, $"{numeric} numeric cells");
    }

    [Fact]
    public void PublishedJsonHoldsEveryFigureTheThresholdAndTheParameters()
    {
        var report = WriteCase02("--as-of", "2022-06-30", "--threshold", "15");
        var parameters = report.Json.GetProperty("parameters");
        Assert.Equal("2020-01-01", parameters.GetProperty("baseline").GetProperty("from").GetString());
        Assert.Equal("2022-06-30", parameters.GetProperty("followup").GetProperty("as_of").GetString());
        Assert.Equal(JsonValueKind.Null, parameters.GetProperty("window_days").ValueKind);
        Assert.Equal(7, parameters.GetProperty("gap_days").GetInt32());
        Assert.Equal(4, parameters.GetProperty("residential_set").GetArrayLength());
        Assert.Equal(15, report.Threshold);
        Assert.Contains(report.Published, f => f.Value.Hidden);
        // Every figure the page shows is in published.json, shown as published there.
        foreach (Match cell in FigureCell().Matches(report.Html))
        {
            var (key, text) = (cell.Groups["key"].Value, WebUtility.HtmlDecode(cell.Groups["text"].Value));
            Assert.True(report.Published.TryGetValue(key, out var published), $"{key} is on the page but not in published.json");
            Assert.Equal(published.Hidden, text is "x" || text.StartsWith('<'));
        }
    }

    [Fact]
    public void TheSummarysStatementsMatchTheFiguresTheyCite()
    {
        var report = WriteCase02("--as-of", "2022-06-30", "--threshold", "12");
        var lines = Regex.Matches(report.Html, "<li class=\"(?<class>[^\"]+)\" data-message=\"(?<name>[^\"]+)\" data-figures=\"(?<keys>[^\"]*)\">(?<text>.*?)</li>", RegexOptions.Singleline).ToList();
        Assert.InRange(lines.Count, 3, 5);
        Assert.Contains(lines, l => l.Groups["class"].Value == "caveat");
        // One as-of date for both periods: the design caveat comes first among the caveats.
        Assert.Equal("caveat.one_as_of", lines.First(l => l.Groups["class"].Value == "caveat").Groups["name"].Value);
        foreach (var line in lines.Where(l => l.Groups["class"].Value != "caveat"))
        {
            var text = WebUtility.HtmlDecode(Regex.Replace(line.Groups["text"].Value, "<[^>]+>", ""));
            var keys = line.Groups["keys"].Value.Split(' ');
            var values = keys.Select(k => report.Published[k]).ToList();
            Assert.All(values, v => Assert.False(v.Hidden)); // a message never cites a hidden figure
            var numbers = Regex.Matches(text, @"[+−-]?\d[\d.]*(,\d+)?%?").Select(m => ParseDutch(m.Value)).ToList();
            foreach (var (value, i) in values.Select((v, i) => (v.Value!.Value, i)))
                Assert.Contains(numbers, n => Math.Abs(n.Value - value) <= n.Tolerance);
            var (from, to) = (values[0].Value!.Value, values[1].Value!.Value);
            var direction = Math.Abs(to - from) < 0.02 * Math.Abs(from) ? "gelijk" : to < from ? "daalde" : "steeg";
            Assert.Contains(direction, text);
            var kind = line.Groups["class"].Value;
            if (kind == "judgement-better") Assert.Contains("de gewenste richting", text);
            if (kind == "judgement-worse") Assert.Contains("niet de gewenste richting", text);
        }
    }

    [Fact]
    public void OneAsOfDateMarksTheFiguresThatDependOnItAndSaysWhy()
    {
        var report = WriteCase02("--as-of", "2022-06-30");
        var rows = report.PageTable("kerncijfers-nulmeting-vervolgmeting");
        Assert.Contains(rows, r => r.Label.StartsWith("Verblijven die op de peildatum nog liepen", StringComparison.Ordinal) && r.Label.EndsWith('†'));
        Assert.Contains(rows, r => r.Label == "Jeugdigen die in de periode in verblijf waren");
        Assert.Contains("† Hangt af van de dag waarop de cijfers bekeken zijn.", report.Html);
    }

    [Fact]
    public void WithTwoRegionsTheReportComparesThem()
    {
        var report = WriteCase02("--as-of", "2022-06-30", "--regions", "Twente,IJsselland");
        Assert.Contains("Twente vergeleken met IJsselland</h2>", report.Html);
        Assert.Contains("Twente en IJsselland, 2020", report.Html);
        Assert.Contains("Twente en IJsselland, 2021", report.Html);
        Assert.Contains("Twente: nulmeting 2020", report.Html); // the main comparison is region A's
        Assert.Contains(report.Published, f => f.Key.StartsWith("other_region.baseline.counts.", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Report, "tables", "toetsen-regios-nulmeting.csv")));
        Assert.True(File.Exists(Path.Combine(Report, "tables", "toetsen-nulmeting-vervolgmeting.csv"))); // the same name in every kind of report
    }

    [Fact]
    public void TheEnglishReportIsCompleteWithNoDutchSentenceLeft()
    {
        var report = WriteCase02("--lang", "en");
        Assert.Contains("<html lang=\"en\">", report.Html);
        Assert.Contains("2. Key figures</h2>", report.Html);
        // What a reader reads: the text outside tags, without the file names (those are Dutch in every report, on purpose).
        var visible = WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(report.Html, "<a class=\"file\"[^>]*>[^<]*</a>|<style>.*?</style>", "", RegexOptions.Singleline), "<[^>]+>", " "));
        var dutch = Monitor.Reporting.Report.Words.For(Monitor.Core.Formatting.Language.Dutch);
        var english = Monitor.Reporting.Report.Words.For(Monitor.Core.Formatting.Language.English);
        foreach (var name in dutch.Names)
        {
            var text = dutch.Raw(name);
            if (text.Contains('{') || text.Length < 12 || english.Raw(name) == text) continue;
            Assert.False(visible.Contains(text, StringComparison.Ordinal), $"the Dutch text {name} is in the English report");
        }
        Assert.DoesNotContain("Samenvatting", report.Html);
    }

    [Fact]
    public void ADutchReportHasNoIsoDatesInItsText()
    {
        var report = WriteCase02();
        var text = Regex.Replace(Regex.Replace(report.Html, "<svg.*?</svg>|<style>.*?</style>", "", RegexOptions.Singleline), "<[^>]+>", " ");
        Assert.DoesNotMatch(@"\b20\d\d-\d\d-\d\d\b", text);
        Assert.Matches(@"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) 20\d\d", text);
        Assert.DoesNotContain("--", text);
        Assert.DoesNotContain("Disclaimer", text);
    }

    [Fact]
    public void TheColophonNamesTheContactOfTheSettingsFileAndEachSourcesCoverageDate()
    {
        ImportCase02();
        File.WriteAllText(_folder.File("monitor.settings.json"), """{ "report_contact": "Team Onderzoek, onderzoek@example.nl" }""");
        Assert.Equal(0, CommandLine.Run("report", "--baseline", "2020", "--followup", "2021", "--out", Report, "--db", _folder.File("case02.db")).Exit);
        var html = File.ReadAllText(Path.Combine(Report, "index.html"));
        var colophon = html[html.IndexOf("<section id=\"colofon\"", StringComparison.Ordinal)..];
        Assert.Contains("Vragen over deze cijfers: Team Onderzoek, onderzoek@example.nl.", colophon);
        Assert.Matches(@"rijm_2019_2022\.csv: gegevens tot en met \d{1,2} \w+ 2022", colophon);
        Assert.Matches(@"Gemaakt op \d{1,2} \w+ 20\d\d met de Verblijfsmonitor, versie \d", colophon);
    }

    [Fact]
    public void TheMeasurementsFiguresMadeBeforehandPublishWhatTheReportWouldMakeOfThem()
    {
        // monitor report makes each main measurement's figures while the analysis reads on; given or not, the set is the same.
        ImportCase02();
        using var store = MonitorStore.Open(_folder.File("case02.db"));
        using var analysis = new Analysis(store);
        Comparison Compare(int baseline) => analysis.Compare(Period.Year(baseline), Period.Year(2021), null, null, AsOfChoice.OfWindow(182), 7,
            CareTypes.DefaultResidentialSet);
        var main = Compare(2020);
        var input = new ReportInput(main, [], [], new ReportOptions(Language.Dutch, 10, null, null), [], 0, analysis.Reference, DateTimeOffset.UnixEpoch)
        {
            Population = (municipality, year) => municipality % 2 == 0 ? 10_000 + year : null,
        };
        static List<string> Lines(Published p) =>
        [
            .. p.All.Select(f => f.ToString()),
            .. p.Set.Relations.Select(r => $"{r.Total} = {string.Join(" + ", r.Parts)}"),
        ];

        var made = Lines(ReportFigures.Build(input));
        var given = Lines(ReportFigures.Build(input with { MeasurementFigures = ReportFigures.OfMeasurements(main, analysis.Reference, input.Population) }));

        Assert.Equal(made, given);
        Assert.Contains(made, l => l.StartsWith("PublishedFigure { Figure = Figure { Key = baseline.municipalities.", StringComparison.Ordinal));
        // Figures of other measurements than the report's are refused, not published under the report's keys.
        var other = ReportFigures.OfMeasurements(Compare(2019), analysis.Reference, input.Population);
        Assert.Throws<ArgumentException>(() => ReportFigures.Build(input with { MeasurementFigures = other }));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WhatTheMeasurementsFiguresReadStaysAsItWasWhileTheReportReadsOn(bool oneAsOfDate)
    {
        // monitor report makes the measurements' page figures on the thread pool while the analysis reads the rest
        // (ReportAssembler): their episodes, and the segments those point into, must not change meanwhile.
        ImportCase02();
        using var store = MonitorStore.Open(_folder.File("case02.db"));
        var asOf = oneAsOfDate ? AsOfChoice.Of(new DateOnly(2022, 6, 30)) : AsOfChoice.OfWindow(182);
        var set = CareTypes.DefaultResidentialSet;
        // A first analysis leaves the episode files beside the store; episodes taken from them work their providers'
        // involvement out from the segments each time it is asked, as on a nightly run.
        using (var night = new Analysis(store)) night.Compare(Period.Year(2020), Period.Year(2021), null, null, asOf, 7, set);
        using var analysis = new Analysis(store);
        var main = analysis.Compare(Period.Year(2020), Period.Year(2021), null, null, asOf, 7, set);
        string Read() => string.Join("\n", new[] { main.Baseline, main.Followup }.SelectMany(m => m.Cohort.Episodes)
            .Select(e => $"{e.YouthId} {e.Start} {e.End} {e.Cost} {string.Join(",", e.Involvement)}"));
        var before = Read();
        // Episodes with more than one provider, whose involvement is read from the segments each time it is asked.
        Assert.Contains(main.Baseline.Cohort.Episodes, e => e.Involvement.Length > 1);

        // The rest the report reads, in its order: the bootstrap, the sensitivity rows, the trend years. Looked at after
        // each: a later step could put things back as they were (a sort in the first order again).
        void Unchanged(string by) => Assert.True(before == Read(), $"the measurements' episodes read otherwise after {by}");
        analysis.WithStatistics(main, 20, 1);
        Unchanged("the bootstrap");
        foreach (var gap in Monitor.Cli.ReportAssembler.SensitivityGapDays)
        foreach (var period in new[] { Period.Year(2020), Period.Year(2021) })
        {
            analysis.SensitivityFigures("sensitivity", period, asOf, "the period", gap, set, null);
            Unchanged($"the sensitivity row of {period} under gap {gap}");
        }
        for (var year = 2015; year <= 2022; year++)
        {
            analysis.TrendYear(Period.Year(year), AsOfChoice.OfWindow(182), 7, set, null);
            Unchanged($"the trend year {year}");
        }
    }

    [Fact]
    public void AnAsOfDateBeforeTheFollowupsEndIsExit2()
    {
        ImportCase02();
        var result = CommandLine.Run("report", "--baseline", "2020", "--followup", "2021", "--as-of", "2021-06-30", "--out", Report, "--db", _folder.File("case02.db"));
        Assert.Equal(2, result.Exit);
        Assert.False(Directory.Exists(Report));
    }

    private static string Cell(string html, string key) =>
        WebUtility.HtmlDecode(FigureCell().Matches(html).First(m => m.Groups["key"].Value == key).Groups["text"].Value);

    /// <summary>A Dutch display number ("€ 94.302", "1.486", "2,23", "−3%") and half its last digit.</summary>
    internal static (double Value, double Tolerance) ParseDutch(string text)
    {
        var percent = text.EndsWith('%');
        var plain = text.Replace("€", "").Replace("%", "").Replace("\u00A0", "").Replace(" ", "").Replace(".", "").Replace('\u2212', '-').Replace("+", "");
        var decimals = (plain.Contains(',') ? plain.Length - plain.IndexOf(',') - 1 : 0) + (percent ? 2 : 0);
        var value = double.Parse(plain.Replace(',', '.'), CultureInfo.InvariantCulture) / (percent ? 100 : 1);
        return (value, 0.5 * Math.Pow(10, -decimals) + 1e-9);
    }

    [GeneratedRegex("<td class=\"[^\"]*\" data-key=\"(?<key>[^\"]+)\">(?<text>[^<]*)</td>")]
    private static partial Regex FigureCell();
}
