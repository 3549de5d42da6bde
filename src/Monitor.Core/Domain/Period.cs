using System.Globalization;

namespace Monitor.Core.Domain;

/// <summary>A measurement window, both ends inclusive. <c>2020</c> means 2020-01-01..2020-12-31.</summary>
public readonly record struct Period(DateOnly From, DateOnly To)
{
    public static Period Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public bool Contains(DateOnly day) => From <= day && day <= To;

    /// <summary>Parses <c>yyyy</c> or <c>yyyy-MM-dd..yyyy-MM-dd</c>.</summary>
    public static bool TryParse(string? text, out Period period, out string error)
    {
        period = default;
        error = "";
        text = text?.Trim() ?? "";
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
        {
            period = Year(year);
            return true;
        }
        var parts = text.Split("..");
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            if (to < from)
            {
                error = $"period '{text}' ends before it starts";
                return false;
            }
            period = new Period(from, to);
            return true;
        }
        error = $"period '{text}' does not parse: use a year (2020) or yyyy-MM-dd..yyyy-MM-dd";
        return false;
    }

    public override string ToString() =>
        From.Month == 1 && From.Day == 1 && To == new DateOnly(From.Year, 12, 31)
            ? From.Year.ToString(CultureInfo.InvariantCulture)
            : $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
