using Monitor.Core.Formatting;
using Monitor.Core.Privacy;

namespace Monitor.Core.Tests.Privacy;

public sealed class SuppressionTests
{
    private readonly Suppression _default = new();

    [Theory]
    [InlineData(0, "0")] // zero identifies nobody
    [InlineData(1, "<10")]
    [InlineData(9, "<10")]
    [InlineData(10, "10")]
    [InlineData(1234, "1.234")]
    public void CountsOfOneToNineShowAsLessThanTen(long count, string shown) => Assert.Equal(shown, _default.Count(count, Language.Dutch));

    [Fact]
    public void StatisticsNeedTenYouths()
    {
        Assert.False(_default.AllowsStatisticOver(9));
        Assert.True(_default.AllowsStatisticOver(10));
    }

    [Fact]
    public void TheThresholdIsConfigurable()
    {
        var five = new Suppression(5);
        Assert.Equal("<5", five.Count(4, Language.English));
        Assert.Equal("5", five.Count(5, Language.English));
        Assert.True(five.AllowsStatisticOver(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Suppression(0));
    }
}
