using Monitor.Core.Formatting;

namespace Monitor.Core.Charts;

/// <summary>
/// Vertical bars over categories. With several series the bars of a category stand side by side
/// (grouped bars), e.g. baseline next to follow-up; each series has its own colour and pattern.
/// </summary>
public sealed class BarSeries : IPlottable
{
    public BarSeries(IReadOnlyList<string> categories, params IReadOnlyList<Series> series)
    {
        if (series.Count == 0)
        {
            throw new ArgumentException("Give at least one series.", nameof(series));
        }
        foreach (var s in series)
        {
            if (s.Values.Count != categories.Count)
            {
                throw new ArgumentException($"Series '{s.Label}' has {s.Values.Count} values for {categories.Count} categories.", nameof(series));
            }
        }
        (Categories, Series) = (categories, series);
    }

    public IReadOnlyList<string> Categories { get; }

    public IReadOnlyList<Series> Series { get; }

    /// <summary>Write each value above its bar.</summary>
    public bool ShowValues { get; set; }

    /// <summary>Decimals of the value labels.</summary>
    public int ValueDecimals { get; set; }

    /// <summary>Share of a category's width taken by its bars; the rest separates the categories.</summary>
    public double GroupWidth { get; set; } = 0.8;

    public AxisLimits Limits
    {
        get
        {
            var values = DataRange.Of(Series.SelectMany(s => s.Values));
            return values.IsEmpty
                ? AxisLimits.Empty
                : new(Bars.CategoryRange(Categories.Count), Bars.YRange(values, ShowValues));
        }
    }

    public int StyleCount => Series.Count;

    public IEnumerable<LegendItem> LegendItems(Language language) =>
        Series.Select((s, i) => new LegendItem(s.Label, LegendSwatch.Box, i));

    public void Render(RenderContext context)
    {
        var width = GroupWidth / Series.Count;
        for (var s = 0; s < Series.Count; s++)
        {
            for (var c = 0; c < Categories.Count; c++)
            {
                var value = Series[s].Values[c];
                if (!double.IsFinite(value))
                {
                    continue;
                }
                var left = c - GroupWidth / 2 + s * width;
                Bars.Rect(context, left, left + width, 0, value, s, "bar");
                if (ShowValues)
                {
                    Bars.Label(context, left + width / 2, value, NumberText.Number(value, ValueDecimals, context.Language));
                }
            }
        }
    }
}
