using Monitor.Core.Formatting;

namespace Monitor.Core.Tests.Formatting;

public class DateTextTests
{
    [Fact]
    public void Long_Dutch_dates_write_the_month_in_lower_case() =>
        Assert.Equal("30 september 2021", DateText.Long(new DateOnly(2021, 9, 30), Language.Dutch));

    [Fact]
    public void Long_English_dates_capitalise_the_month() =>
        Assert.Equal("30 September 2021", DateText.Long(new DateOnly(2021, 9, 30), Language.English));

    [Fact]
    public void Long_dates_have_no_leading_zero_on_the_day()
    {
        Assert.Equal("1 maart 2024", DateText.Long(new DateOnly(2024, 3, 1), Language.Dutch));
        Assert.Equal("31 december 1999", DateText.Long(new DateOnly(1999, 12, 31), Language.Dutch));
    }

    [Fact]
    public void Short_Dutch_dates_are_day_month_year_with_dashes() =>
        Assert.Equal("01-03-2024", DateText.Short(new DateOnly(2024, 3, 1), Language.Dutch));

    [Fact]
    public void Short_English_dates_are_ISO_8601() =>
        Assert.Equal("2021-09-30", DateText.Short(new DateOnly(2021, 9, 30), Language.English));

    [Fact]
    public void Every_Dutch_month_has_its_own_name()
    {
        var names = Enumerable.Range(1, 12).Select(m => DateText.Long(new DateOnly(2021, m, 1), Language.Dutch)).ToList();
        Assert.Equal("1 januari 2021", names[0]);
        Assert.Equal("1 mei 2021", names[4]);
        Assert.Equal(12, names.Distinct().Count());
    }
}
