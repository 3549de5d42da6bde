using ScottPlot;
using SkiaSharp;

namespace Monitor.Reporting.Charts;

/// <summary>
/// The charts' one font, DejaVu Sans 2.37 (Bitstream Vera licence with the Arev and DejaVu terms:
/// <c>Charts/Fonts/LICENSE-DejaVu.txt</c>, shipped beside the binaries as <c>licenses/</c>), read from
/// the assembly and registered with ScottPlot once per process.
/// </summary>
/// <remarks>
/// ScottPlot embeds no font: without one every text silently vanishes, and with the machine's fonts the
/// look (Debian's default is DejaVu Serif) and the PNG bytes depend on what happens to be installed.
/// The resolver answers only for this family, so nothing else is ever looked up on the machine.
/// <see cref="Fonts.Default"/> is process-wide state; it is set here and nowhere else.
/// </remarks>
public static class ChartFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> Typeface = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<bool> Registration = new(RegisterOnce, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Makes DejaVu Sans ScottPlot's default font; later calls do nothing.</summary>
    public static void Register() => _ = Registration.Value;

    /// <summary>The width of a line of text in pixels at <paramref name="size"/>, as the charts draw it.</summary>
    public static float Width(string text, float size)
    {
        using var font = new SKFont(Typeface.Value, size);
        return font.MeasureText(text);
    }

    private static bool RegisterOnce()
    {
        Fonts.FontResolvers.Insert(0, new Resolver(Typeface.Value));
        Fonts.Default = Family;
        Fonts.Sans = Family;
        return true;
    }

    private static SKTypeface Load()
    {
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream("Monitor.Reporting.Charts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("the chart font DejaVuSans.ttf is not embedded in Monitor.Reporting");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("the chart font DejaVuSans.ttf cannot be read");
    }

    /// <summary>Only the regular face ships: the charts use no bold or italic, so every request gets it.</summary>
    private sealed class Resolver(SKTypeface typeface) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Family ? typeface : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => fontName == Family ? typeface : null;
    }
}
