using Monitor.Core.Formatting;

namespace Monitor.Core.Charts;

/// <summary>
/// Vertical bars over categories, each made of stacked layers (e.g. stays by care type).
/// Positive values stack upwards from zero and negative values downwards, so no layer hides another.
/// </summary>
public sealed class StackedBarSeries : IPlottable
{
    public StackedBarSeries(IReadOnlyList<string> categories, params IReadOnlyList<Series> layers)
    {
        if (layers.Count == 0)
        {
            throw new ArgumentException("Give at least one layer.", nameof(layers));
        }
        foreach (var layer in layers)
        {
            if (layer.Values.Count != categories.Count)
            {
                throw new ArgumentException($"Layer '{layer.Label}' has {layer.Values.Count} values for {categories.Count} categories.", nameof(layers));
            }
        }
        (Categories, Layers) = (categories, layers);
    }

    public IReadOnlyList<string> Categories { get; }

    /// <summary>The layers, bottom first.</summary>
    public IReadOnlyList<Series> Layers { get; }

    /// <summary>Write each category's total above its bar.</summary>
    public bool ShowTotals { get; set; }

    /// <summary>Decimals of the total labels.</summary>
    public int ValueDecimals { get; set; }

    /// <summary>Share of a category's width taken by its bar.</summary>
    public double BarWidth { get; set; } = 0.6;

    public AxisLimits Limits
    {
        get
        {
            var range = DataRange.Empty;
            for (var c = 0; c < Categories.Count; c++)
            {
                if (Finite(c).Any())
                {
                    range = range.Include(Finite(c).Where(v => v > 0).Sum()).Include(Finite(c).Where(v => v < 0).Sum());
                }
            }
            return range.IsEmpty
                ? AxisLimits.Empty
                : new(Bars.CategoryRange(Categories.Count), Bars.YRange(range, ShowTotals));
        }
    }

    public int StyleCount => Layers.Count;

    // Listed top layer first, so the legend reads in the same order as the stack.
    public IEnumerable<LegendItem> LegendItems(Language language) =>
        Layers.Select((layer, i) => new LegendItem(layer.Label, LegendSwatch.Box, i)).Reverse();

    public void Render(RenderContext context)
    {
        for (var c = 0; c < Categories.Count; c++)
        {
            double up = 0, down = 0;
            var (left, right) = (c - BarWidth / 2, c + BarWidth / 2);
            for (var l = 0; l < Layers.Count; l++)
            {
                var value = Layers[l].Values[c];
                if (!double.IsFinite(value) || value == 0)
                {
                    continue;
                }
                ref var edge = ref (value > 0 ? ref up : ref down);
                Bars.Rect(context, left, right, edge, edge + value, l, "bar");
                edge += value;
            }
            if (ShowTotals && Finite(c).Any())
            {
                var total = Finite(c).Sum();
                Bars.Label(context, c, total >= 0 ? up : down, NumberText.Number(total, ValueDecimals, context.Language));
            }
        }
    }

    private IEnumerable<double> Finite(int category) =>
        Layers.Select(layer => layer.Values[category]).Where(double.IsFinite);
}
