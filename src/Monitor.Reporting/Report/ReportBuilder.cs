using System.Globalization;
using Monitor.Core.Domain;
using Monitor.Core.Formatting;
using Monitor.Core.Measurements;
using Monitor.Core.Publication;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>
/// Builds the report's model from its input and the one <see cref="Published"/>: the sections in their order
/// (one file each under <c>Sections/</c>), with their tables and charts. Words come from <see cref="Words"/>,
/// numbers from <see cref="View"/>; the model is then rendered by the Razor components and written as files.
/// </summary>
internal sealed partial class ReportBuilder
{
    private readonly List<Task<RenderedChart>> _charts = [];
    private readonly List<ReportTable> _tables = [];

    public ReportBuilder(ReportInput input, Published published)
    {
        Input = input;
        W = Words.For(input.Options.Language);
        V = new View(published, W);
    }

    public ReportInput Input { get; }
    public Words W { get; }
    public View V { get; }
    public Comparison Main => Input.Main;
    public Measurement Baseline => Main.Baseline;
    public Measurement Followup => Main.Followup;
    /// <summary>Every chart drawn, in the page's order (waits for those still being drawn).</summary>
    public IReadOnlyList<RenderedChart> Charts => _charts.Select(c => c.GetAwaiter().GetResult()).ToList();
    public IReadOnlyList<ReportTable> Tables => _tables;

    /// <summary>Whether two different periods were read at one as-of date: the figures that depend on it are marked (PROTOCOL.md 6).</summary>
    public bool OneAsOf => Baseline.AsOf == Followup.AsOf && Baseline.Period != Followup.Period;

    public string Scope => Baseline.Region ?? Input.Options.RegionA ?? W["scope.all_regions"];

    /// <summary>The area as it reads inside a sentence ("voor alle regio's samen").</summary>
    public string ScopeInSentence => Baseline.Region ?? Input.Options.RegionA ?? W["scope.in_sentence_all"];

    public ReportModel Build()
    {
        var sections = new List<Section>
        {
            Summary(), KeyFigures(), Trend(), Municipalities(), LengthOfStay(), Sensitivity(), Providers(), Costs(), Outcomes(),
        };
        if (Input.Regions.Count > 0) sections.Add(RegionComparison());
        sections.Add(Method());
        sections.Add(Colophon());
        sections = sections.Select((s, i) => s with { Number = i + 1 }).ToList();
        var meta = new List<string>
        {
            W.F("header.periods", ("scope", Scope), ("baseline", PeriodText(Baseline.Period)), ("followup", PeriodText(Followup.Period))),
            AsOfSentence(),
        };
        return new ReportModel(Language == Language.Dutch ? "nl" : "en", W["header.title"], W["header.subtitle"], meta,
            sections.Take(sections.Count - 1).ToList(), LegendItems(), W["legend.title"], W["contents.title"], sections[^1]);
    }

    public Language Language => W.Language;

    // --- words about periods and dates

    public string PeriodText(Period p) =>
        p == Period.Year(p.From.Year) ? p.From.Year.ToString(CultureInfo.InvariantCulture) : W.F("period.range", ("from", V.Date(p.From)), ("to", V.Date(p.To)));

    public string BaselineLabel => W.F("measurement.baseline", ("period", PeriodText(Baseline.Period)));
    public string FollowupLabel => W.F("measurement.followup", ("period", PeriodText(Followup.Period)));

    /// <summary>The as-of dates in a sentence: each measurement's own with a window, or the one date.</summary>
    public string AsOfSentence() =>
        Main.WindowDays is { } days && !OneAsOf
            ? W.F("asof.window", ("baseline", V.Date(Baseline.AsOf)), ("followup", V.Date(Followup.AsOf)), ("days", days))
            : W.F("asof.one", ("date", V.Date(Baseline.AsOf)));

    // --- tables and charts

    /// <summary>Registers a table (page, CSV, workbook) and returns its block.</summary>
    public TableBlock Table(ReportTable table)
    {
        if (_tables.Any(t => t.File == table.File)) throw new InvalidOperationException($"two tables named {table.File}");
        _tables.Add(table);
        return new TableBlock(table);
    }

    public TableColumn Column(string header, string? fileHeader = null) => new(header, fileHeader ?? header);

    /// <summary>Starts drawing a chart, or says why there is nothing to draw: every value of it is hidden or missing.
    /// Charts are drawn on the thread pool while the builder goes on: each is its own ScottPlot plot, and what they share
    /// (the font, ScottPlot's typeface cache) is safe to read from several threads. The bytes are the same either way.</summary>
    public FigureBlock Chart(IChart chart)
    {
        var values = chart switch
        {
            BarChart b => b.Series.SelectMany(s => s.Values).ToList(),
            LineChart l => l.Series.SelectMany(s => s.Values).ToList(),
            StackedBarChart s => s.Layers.SelectMany(l => l.Values).ToList(),
            _ => null,
        };
        var nothing = chart switch
        {
            SurvivalChart s => s.Curves.All(c => c.Hidden),
            BoxPlotChart b => b.Boxes.All(x => x.Values is null),
            _ => values!.All(v => v.Number is null),
        };
        if (nothing) return new FigureBlock(new ReportFigure(null, W.F("chart.nothing_drawn", ("title", chart.Text.Title))));
        var (language, hiddenReason) = (Language, W["chart.hidden_reason"]);
        var rendering = Task.Run(() => ChartRenderer.Render(chart, language, hiddenReason));
        _charts.Add(rendering);
        return new FigureBlock(new ReportFigure(rendering));
    }

    public ChartText ChartText(string name, params (string Name, object? Value)[] values) =>
        new(W.F($"chart.{name}.title", values), W.F($"chart.{name}.desc", values), W.F($"chart.{name}.caption", values));

    /// <summary>A figure's label (<c>figure.KEY</c> in the words file).</summary>
    public string Label(string protocolKey) => W.F("figure." + protocolKey, ("n", Baseline.Duration.TopN));

    public string UnitText(Unit unit) => W["unit." + unit.ToString().ToLowerInvariant()];

    public Paragraph P(string name, params (string Name, object? Value)[] values) => new(W.F(name, values));

    public Paragraph Note(string name, params (string Name, object? Value)[] values) => new(W.F(name, values), "note");

    /// <summary>The coverage warnings of both measurements (PROTOCOL.md 3.4), where the figures are.</summary>
    public IEnumerable<Block> Warnings(params (Measurement M, string Label)[] measurements)
    {
        foreach (var (m, label) in measurements)
        foreach (var w in m.Warnings)
            yield return new Paragraph(W.F("warning.coverage", ("measurement", label), ("file", w.File), ("coverage", V.Date(w.CoverageDate)),
                ("asof", V.Date(w.AsOf)), ("segments", V.Integer(w.OpenSegments))), "warning");
    }

    private IReadOnlyList<(string Term, string Text)> LegendItems() =>
    [
        (V.SmallMark, W.F("legend.small", ("t", V.Threshold), ("max", V.Threshold - 1))),
        (View.HiddenMark, W.F("legend.hidden", ("t", V.Threshold))),
        (View.NoValueMark, W["legend.no_value"]),
    ];

    /// <summary>The unit of a key-figure row, by its protocol key.</summary>
    public static (Unit Unit, int Decimals) UnitOf(string key) => key switch
    {
        _ when key.StartsWith("counts.", StringComparison.Ordinal) || key.EndsWith(".episodes", StringComparison.Ordinal) || key.EndsWith(".exited", StringComparison.Ordinal) => (Unit.Count, 0),
        _ when key.StartsWith("cost_eur.", StringComparison.Ordinal) => (Unit.Euro, 0),
        _ when key.StartsWith("duration_days.", StringComparison.Ordinal) || key.Contains("km_", StringComparison.Ordinal) => (Unit.Days, 0),
        "outcomes.residential_days_per_1000" or "outcomes.entries_per_1000" or "outcomes.in_care_at_period_end_per_1000" => (Unit.Rate, 1),
        "providers.moves_per_1000_days" => (Unit.Rate, 2),
        _ => (Unit.Number, 1),
    };
}
