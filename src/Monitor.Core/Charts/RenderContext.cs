using Monitor.Core.Formatting;

namespace Monitor.Core.Charts;

/// <summary>What a plottable needs while drawing: the writer, the geometry, the language and its series styles.</summary>
public sealed class RenderContext
{
    private readonly string idPrefix;
    private readonly int firstStyle;

    internal RenderContext(SvgWriter svg, Layout layout, Language language, string idPrefix, int firstStyle)
    {
        (Svg, Layout, Language, this.idPrefix, this.firstStyle) = (svg, layout, language, idPrefix, firstStyle);
    }

    public SvgWriter Svg { get; }
    public Layout Layout { get; }
    public Language Language { get; }

    /// <summary>The style of this plottable's n-th series.</summary>
    public SeriesStyle Style(int series) => SeriesStyle.For(firstStyle + series);

    /// <summary>The area paint of this plottable's n-th series: its colour or its hatch pattern.</summary>
    public string Fill(int series) => Hatching.Paint(idPrefix, firstStyle + series);
}
