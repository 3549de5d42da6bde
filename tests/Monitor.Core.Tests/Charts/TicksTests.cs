using System.Globalization;
using Monitor.Core.Charts;
using Monitor.Core.Formatting;

namespace Monitor.Core.Tests.Charts;

public class TicksTests
{
    public static TheoryData<double, double, int, bool, double[]> Cases => new()
    {
        { 0, 7, 5, false, [0, 2, 4, 6, 8] },
        { 0, 7, 7, false, [0, 1, 2, 3, 4, 5, 6, 7] },
        { 0, 0.3, 5, false, [0, 0.1, 0.2, 0.3] },
        { 0, 1234, 5, false, [0, 500, 1000, 1500] },
        { 0, 1, 5, false, [0, 0.2, 0.4, 0.6, 0.8, 1] },
        { 0, 1, 5, true, [0, 1] },
        { -37, 12, 5, false, [-40, -20, 0, 20] },
        { -0.7, -0.2, 5, false, [-0.7, -0.6, -0.5, -0.4, -0.3, -0.2] },
        { 5, 5, 5, true, [4, 5, 6] },
        { 0, 0, 5, false, [0, 0.2, 0.4, 0.6, 0.8, 1] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ticks_are_nice_1_2_5_steps(double min, double max, int target, bool integerOnly, double[] expected) =>
        Assert.Equal(expected, Ticks.Nice(min, max, target, integerOnly).Values);

    [Theory]
    [InlineData(0, 0.7, 7)]
    [InlineData(0.1, 0.9, 8)]
    [InlineData(-0.3, 0.3, 6)]
    [InlineData(1.1, 1.7, 6)]
    public void Tick_values_carry_no_floating_point_garbage(double min, double max, int target)
    {
        foreach (var value in Ticks.Nice(min, max, target).Values)
        {
            // The shortest round-trip text of a clean tick has at most one decimal here: 0.7, not 0.7000000000000001.
            var text = value.ToString(CultureInfo.InvariantCulture);
            Assert.True(text.Length <= 4, $"tick {text} is not a clean decimal");
        }
    }

    [Fact]
    public void Tick_labels_follow_the_language_with_the_decimals_the_step_needs()
    {
        var ticks = Ticks.Nice(0, 0.3, 5);
        Assert.Equal(1, ticks.Decimals);
        Assert.Equal(["0,0", "0,1", "0,2", "0,3"], ticks.Values.Select(v => NumberText.Number(v, ticks.Decimals, Language.Dutch)));
    }

    [Theory]
    [InlineData(0, 7)]
    [InlineData(0, 0.3)]
    [InlineData(3, 1234)]
    [InlineData(-37, 12)]
    [InlineData(-1e-3, -1e-4)]
    [InlineData(2021, 2021)]
    [InlineData(0.999, 1.001)]
    [InlineData(12345, 987654)]
    public void Ticks_cover_the_data_and_increase(double min, double max)
    {
        foreach (var integer in new[] { false, true })
        {
            var values = Ticks.Nice(min, max, 5, integer).Values;
            Assert.True(values.Count >= 2);
            Assert.True(values[0] <= min, $"first tick {values[0]} above {min}");
            Assert.True(values[^1] >= max, $"last tick {values[^1]} below {max}");
            Assert.True(values.Count - 1 <= 5, $"{values.Count - 1} intervals for a target of 5");
            Assert.True(values.Zip(values.Skip(1)).All(p => p.First < p.Second));
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 3)]
    [InlineData(-1.5, 2.5)]
    [InlineData(0.2, 0.4)]
    [InlineData(7, 7)]
    public void An_integer_axis_gets_only_whole_number_ticks(double min, double max)
    {
        var ticks = Ticks.Nice(min, max, 10, integerOnly: true);
        Assert.All(ticks.Values, v => Assert.Equal(Math.Round(v), v));
        Assert.Equal(0, ticks.Decimals);
    }

    [Fact]
    public void A_zero_width_range_still_gets_two_ticks_around_the_value()
    {
        var values = Ticks.Nice(5, 5).Values;
        Assert.True(values.Count >= 2);
        Assert.True(values[0] < 5 && values[^1] > 5);
    }

    [Fact]
    public void Min_above_max_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Ticks.Nice(2, 1));
}
