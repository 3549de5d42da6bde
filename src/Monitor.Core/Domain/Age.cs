namespace Monitor.Core.Domain;

/// <summary>Age in whole years, counting birthdays (PROTOCOL.md 3.1 and 5).</summary>
public static class Age
{
    /// <summary>Whole years on <paramref name="day"/>. A birthday on 29 February falls on 1 March in other years.</summary>
    public static int InYears(DateOnly birthDate, DateOnly day)
    {
        var years = day.Year - birthDate.Year;
        if (day < BirthdayIn(birthDate, day.Year)) years--;
        return years;
    }

    private static DateOnly BirthdayIn(DateOnly birthDate, int year) =>
        birthDate is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, birthDate.Month, birthDate.Day);
}
