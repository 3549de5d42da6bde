namespace Monitor.Core.Checks;

/// <summary>Dates as the extracts write them: <c>yyyy-MM-dd</c> or <c>dd-MM-yyyy</c> (PROTOCOL.md 2).</summary>
public static class DateValue
{
    /// <summary>No date in an extract lies before this day (PROTOCOL.md 3.1, "date out of range").</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>Parses a date; on failure says whether it did not parse at all (<c>2006/09/27</c>,
    /// <c>onbekend</c>), has the right shape but cannot exist (<c>31-02-2021</c>, <c>2021-13-01</c>), or lies
    /// before 1900 (<c>0001-01-01</c>, a placeholder some systems write for "unknown").</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date, out string? reason)
    {
        date = default;
        int year, month, day;
        if (text.Length != 10)
        {
            reason = Reasons.DateUnparsable;
            return false;
        }
        if (text[4] == '-' && text[7] == '-' && Digits(text[..4], out year) && Digits(text[5..7], out month) && Digits(text[8..], out day))
        {
        }
        else if (text[2] == '-' && text[5] == '-' && Digits(text[..2], out day) && Digits(text[3..5], out month) && Digits(text[6..], out year))
        {
        }
        else
        {
            reason = Reasons.DateUnparsable;
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            reason = Reasons.DateImpossible;
            return false;
        }
        date = new DateOnly(year, month, day);
        if (date < Earliest)
        {
            reason = Reasons.DateBefore1900;
            return false;
        }
        reason = null;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
