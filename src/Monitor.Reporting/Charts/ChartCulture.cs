using System.Globalization;
using Monitor.Core.Formatting;

namespace Monitor.Reporting.Charts;

/// <summary>
/// The culture a chart is drawn in. The product runs with InvariantGlobalization, so "nl-NL" does not
/// exist: this is the invariant culture with Dutch or English separators and the real minus sign.
/// </summary>
/// <remarks>
/// ScottPlot formats tick labels with <see cref="CultureInfo.CurrentCulture"/>. The charts give every axis
/// their own formatter (<see cref="NumberText"/>, as the tables write numbers), and the renderer sets this
/// culture on the rendering thread for the length of one chart as well, so anything ScottPlot still
/// formats itself reads "1.100" and "0,9" in a Dutch report.
/// </remarks>
public static class ChartCulture
{
    private static readonly CultureInfo Dutch = Make(".", ",");
    private static readonly CultureInfo English = Make(",", ".");

    public static CultureInfo For(Language language) => language == Language.Dutch ? Dutch : English;

    /// <summary>Runs <paramref name="draw"/> with the chart's culture as the thread's current culture.</summary>
    public static T With<T>(Language language, Func<T> draw)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = For(language);
            CultureInfo.CurrentUICulture = For(language);
            return draw();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = ui;
        }
    }

    private static CultureInfo Make(string group, string decimals)
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var format = culture.NumberFormat;
        format.NumberGroupSeparator = format.CurrencyGroupSeparator = format.PercentGroupSeparator = group;
        format.NumberDecimalSeparator = format.CurrencyDecimalSeparator = format.PercentDecimalSeparator = decimals;
        format.NegativeSign = NumberText.Minus;
        format.CurrencySymbol = "€";
        return CultureInfo.ReadOnly(culture);
    }
}
