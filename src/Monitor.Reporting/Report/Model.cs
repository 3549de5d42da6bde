using Monitor.Core.Publication;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>How a figure's number is written: its unit decides the text, and the CSV header names it.</summary>
public enum Unit { Count, Days, Number, Euro, Share, Rate, Statistic }

/// <summary>One cell of a table: a published figure (by key), or words.</summary>
/// <param name="Key">The figure's key in <see cref="Published"/>; null for a text cell.</param>
/// <param name="Text">The words of a text cell.</param>
/// <param name="Unit">How the figure is written.</param>
/// <param name="Decimals">Decimals on the page (files keep every digit).</param>
/// <param name="Signed">A change: written with its sign, and coloured by which way is better.</param>
public sealed record Cell(string? Key, string? Text, Unit Unit = Unit.Count, int Decimals = 0, bool Signed = false)
{
    /// <summary>Coloured by which way is better (a change); a bound of an interval has a sign but no colour.</summary>
    public bool Judged { get; init; } = Signed;

    /// <summary>What the page (and the workbook) reads where the figure is published without a value, instead of
    /// the marker for "no value": a bound of an interval that the data cannot fix reads "nog niet te bepalen".</summary>
    public string? NoValueText { get; init; }

    public static Cell Figure(string key, Unit unit, int decimals = 0) => new(key, null, unit, decimals);

    public static Cell Change(string key, Unit unit, int decimals = 0) => new(key, null, unit, decimals, Signed: true);

    /// <summary>A bound of a change's 95% interval: with its sign, never coloured (it says how sure the change is, not
    /// which way it went); <paramref name="undetermined"/> where the data cannot fix it.</summary>
    public static Cell Bound(string key, Unit unit, int decimals, bool signed, string? undetermined) =>
        new(key, null, unit, decimals, signed) { Judged = false, NoValueText = undetermined };

    public static Cell Words(string text) => new(null, text);

    public static Cell Empty { get; } = new(null, "");
}

/// <summary>A row: its label, its cells, and the unit its figures are in (the CSV's "eenheid" column).</summary>
/// <param name="Note">A mark beside the label ("†") that the table's notes explain.</param>
public sealed record TableRow(string Label, IReadOnlyList<Cell> Cells, string? UnitText = null, string? Note = null, bool Group = false);

/// <summary>A column: its header on the page, and its header in the files (with the unit and the sign convention).</summary>
/// <param name="Group">A header over this column and the ones beside it with the same group ("95%-interval van het
/// verschil" over "van" and "tot"); the files, which have one header row, say it in each column's own header.</param>
public sealed record TableColumn(string Header, string FileHeader, string? Group = null);

/// <summary>
/// A table of the report. The same model becomes the HTML table, <c>tables/FILE.csv</c> and a sheet of
/// <c>tabellen.xlsx</c>, so the three cannot disagree; every figure cell reads <see cref="Published"/>.
/// </summary>
/// <param name="File">The file name without extension; says what the table holds, the same in every report.</param>
/// <param name="HasUnits">Rows of different units: the files get an "eenheid" column.</param>
public sealed record ReportTable(string File, string Caption, string LabelHeader, IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<TableRow> Rows, bool HasUnits = false, IReadOnlyList<string>? Notes = null);

/// <summary>A chart as the page shows it; or, when the rules leave nothing to draw, the reason instead.</summary>
/// <param name="Rendering">The chart being drawn: the builder starts each chart's drawing as it meets it and goes on
/// with the sections (<see cref="ReportBuilder.Chart"/>).</param>
public sealed record ReportFigure(Task<RenderedChart>? Rendering, string? LeftOutNote = null)
{
    /// <summary>The drawn chart (waited for), or null when there was nothing to draw.</summary>
    public RenderedChart? Chart => Rendering?.GetAwaiter().GetResult();
}

/// <summary>One summary sentence with the figures it cites.</summary>
public sealed record SummaryLine(string Text, KeyMessage Message);

/// <summary>What a section holds, in order.</summary>
public abstract record Block;

public sealed record Paragraph(string Text, string? Style = null) : Block;

public sealed record SubHeading(string Text) : Block;

public sealed record TableBlock(ReportTable Table) : Block;

public sealed record FigureBlock(ReportFigure Figure) : Block;

public sealed record ListBlock(IReadOnlyList<string> Items) : Block;

public sealed record DefinitionsBlock(IReadOnlyList<(string Term, string Text)> Items) : Block;

public sealed record SummaryBlock(IReadOnlyList<SummaryLine> Lines) : Block;

/// <summary>A numbered section; the contents list and the heading take its number from one place.</summary>
public sealed record Section(string Id, string Title, IReadOnlyList<Block> Blocks)
{
    public int Number { get; init; }
}

/// <summary>The whole report, ready to be rendered.</summary>
public sealed record ReportModel(string Language, string Title, string Subtitle, IReadOnlyList<string> Meta, IReadOnlyList<Section> Sections,
    IReadOnlyList<(string Term, string Text)> Legend, string LegendTitle, string ContentsTitle, Section Colophon);
