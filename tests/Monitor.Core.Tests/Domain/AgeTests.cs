using Monitor.Core.Domain;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Domain;

/// <summary>PROTOCOL.md 3.1 and 5: age in whole years counts birthdays; a 29 February birthday falls on 1 March
/// in other years.</summary>
public class AgeTests
{
    [Theory]
    [InlineData("2007-01-01", "2020-01-01", 13)] // the birthday itself counts
    [InlineData("2007-01-01", "2019-12-31", 12)]
    [InlineData("2006-04-12", "2020-01-06", 13)] // K01 at the start of their first episode
    [InlineData("2009-07-20", "2020-01-01", 10)] // K02 on the period's first day
    [InlineData("2008-03-15", "2020-12-28", 12)] // K06
    [InlineData("2020-05-05", "2020-05-05", 0)]
    [InlineData("2020-05-05", "2021-05-04", 0)]
    public void BirthdaysCount(string birth, string day, int age) => Assert.Equal(age, Age.InYears(D(birth), D(day)));

    [Theory]
    [InlineData("2021-02-28", 12)] // 2021 is no leap year: the birthday is 1 March
    [InlineData("2021-03-01", 13)]
    [InlineData("2024-02-28", 15)] // 2024 is a leap year: the birthday is 29 February
    [InlineData("2024-02-29", 16)]
    [InlineData("2100-02-28", 91)] // 2100 is no leap year
    [InlineData("2100-03-01", 92)]
    public void LeapDayBirthdayFallsOnFirstMarchInOtherYears(string day, int age) =>
        Assert.Equal(age, Age.InYears(D("2008-02-29"), D(day)));
}
