using Monitor.Core.Outcomes;

namespace Monitor.Core.Tests.Statistics;

public class DidSlopeTests
{
    [Fact]
    public void SlopeIsTheLeastSquaresLineThroughTheDifferences()
    {
        Assert.Equal(5.0, DifferenceInDifferencesSlope([10, 15]));
        Assert.Equal(2.0, DifferenceInDifferencesSlope([1, 3, 5]));
        Assert.Equal(0.0, DifferenceInDifferencesSlope([4, 8, 4]));
        Assert.Null(DidStatistics.Slope([1.0, null, 3.0]));
        Assert.Null(DidStatistics.Slope([1.0]));
    }

    private static double? DifferenceInDifferencesSlope(double[] values) => DidStatistics.Slope(values.Select(v => (double?)v).ToList());
}
