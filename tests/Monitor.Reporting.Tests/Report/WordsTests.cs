using System.Text.RegularExpressions;
using Monitor.Core.Formatting;
using Monitor.Core.Publication;
using Monitor.Reporting.Report;
using Monitor.Reporting.Report.Files;

namespace Monitor.Reporting.Tests.Report;

/// <summary>The words files say the same things in both languages, and the cells of every output read the published figures.</summary>
public class WordsTests
{
    private static readonly Words Dutch = Words.For(Language.Dutch);
    private static readonly Words English = Words.For(Language.English);

    [Fact]
    public void BothLanguagesHaveTheSameTextsWithTheSamePlaceholders()
    {
        Assert.Equal(Dutch.Names.Order(StringComparer.Ordinal), English.Names.Order(StringComparer.Ordinal));
        foreach (var name in Dutch.Names)
        {
            static IEnumerable<string> Placeholders(string text) => Regex.Matches(text, @"\{(\w+)\}").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
            Assert.Equal(Placeholders(Dutch.Raw(name)), Placeholders(English.Raw(name)));
        }
    }

    [Fact]
    public void AMissingTextOrAnUnfilledPlaceholderIsAnErrorNotABlank()
    {
        Assert.Throws<KeyNotFoundException>(() => Dutch["no.such.text"]);
        Assert.Throws<FormatException>(() => Dutch["header.periods"]);
        Assert.Equal("Nulmeting 2020", Dutch.F("measurement.baseline", ("period", 2020)));
    }

    [Fact]
    public void NoDutchTextCarriesCodeWordsOrIsoDates()
    {
        foreach (var name in Dutch.Names)
        {
            var text = Dutch.Raw(name);
            Assert.DoesNotMatch(@"--\w|\b20\d\d-\d\d-\d\d\b|_|\bnull\b", Regex.Replace(text, @"\{\w+\}", ""));
        }
    }

    [Fact]
    public void CellsShowMarkersAndFilesHoldNoHiddenNumber()
    {
        var set = new FigureSet().Count("baseline.counts.youths", 4).Count("followup.counts.youths", 40).Count("a", 12).Count("b", 12).Count("total", 24).Sum("total", "a", "b")
            .Statistic("baseline.duration_days.mean_all", 100.5, 4).Statistic("m", null, 30);
        var view = new View(new PublicationRules(10).Apply(set), Dutch);
        Assert.Equal("<10", view.Text("baseline.counts.youths", Unit.Count));
        Assert.Equal("x", view.Text("baseline.duration_days.mean_all", Unit.Days));
        Assert.Equal(".", view.Text("m", Unit.Days));
        Assert.Equal("40", view.Text("followup.counts.youths", Unit.Count));
        var table = new ReportTable("t", "T", "", [new TableColumn("a", "a"), new TableColumn("b", "b")],
            [new TableRow("r", [Cell.Figure("baseline.counts.youths", Unit.Count), Cell.Figure("followup.counts.youths", Unit.Count)])]);
        Assert.Equal("omschrijving,a,b\nr,,40\n", TableCsv.Write(table, view));
    }
}
