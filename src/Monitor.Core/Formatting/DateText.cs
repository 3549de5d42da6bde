using System.Globalization;

namespace Monitor.Core.Formatting;

/// <summary>
/// Dates as people read them: Dutch "30 september 2021" / "30-09-2021",
/// English "30 September 2021" / "2021-09-30" (ISO 8601, which researchers expect).
/// </summary>
/// <remarks>Hand-written because InvariantGlobalization leaves no Dutch month names to borrow.</remarks>
public static class DateText
{
    // Dutch month names are not capitalised (Taalunie).
    private static readonly string[] DutchMonths =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>The written-out form for running text and captions: "30 september 2021".</summary>
    public static string Long(DateOnly date, Language language)
    {
        var months = language == Language.Dutch ? DutchMonths : EnglishMonths;
        return string.Create(CultureInfo.InvariantCulture, $"{date.Day} {months[date.Month - 1]} {date.Year}");
    }

    /// <summary>The compact form for tables: Dutch "30-09-2021", English "2021-09-30".</summary>
    public static string Short(DateOnly date, Language language) =>
        date.ToString(language == Language.Dutch ? "dd-MM-yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
