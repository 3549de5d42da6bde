using Monitor.Core.Formatting;

namespace Monitor.Core.Charts;

/// <summary>The few words charts write themselves, in both languages.</summary>
internal static class ChartText
{
    public static string NoData(Language language) => Pick(language, "Geen gegevens", "No data");

    public static string Median(Language language) => Pick(language, "mediaan", "median");

    public static string MedianNotReached(Language language) => Pick(language, "mediaan niet bereikt", "median not reached");

    public static string Censored(Language language) => Pick(language, "gecensureerd", "censored");

    public static string ConfidenceBand(Language language) => Pick(language, "betrouwbaarheidsinterval", "confidence interval");

    /// <summary>
    /// A rough width of text, since there is no font to measure in a pure library; 0.58 em per
    /// character is a little wide for system sans-serif fonts, which errs towards too much margin.
    /// </summary>
    public static double Width(string text, double fontSize) => text.Length * fontSize * 0.58;

    private static string Pick(Language language, string dutch, string english) =>
        language == Language.Dutch ? dutch : english;
}
