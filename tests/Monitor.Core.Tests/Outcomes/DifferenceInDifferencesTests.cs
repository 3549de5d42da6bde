using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Outcomes;

/// <summary>docs/outcomes.md 3: change = follow-up − baseline; difference in differences = A's change − B's change,
/// null when any of the four values is null.</summary>
public class DifferenceInDifferencesTests
{
    // A real measurement to start from; the two figures are then set by hand.
    private static readonly Measurement Template = Outcome.MeasurementOf("2020", "2021-06-30", [Make(1, 41000011, "2020-01-01", "2020-01-31")]);

    private static Measurement With(double? daysPer1000, double? meanStay) => Template with
    {
        Outcomes = Template.Outcomes! with { ResidentialDaysPer1000 = daysPer1000 },
        Duration = Template.Duration with { MeanAll = meanStay },
    };

    [Fact]
    public void ResidentialDaysPer1000()
    {
        // A: 123.2 → 116.5, change −6.7; B: 77.6 → 94.0, change +16.4; DiD = −6.7 − 16.4 = −23.1
        var did = new DifferenceInDifferences("IJsselland", "Twente", With(123.2, 0), With(116.5, 0), With(77.6, 0), With(94.0, 0));
        var f = did.ResidentialDaysPer1000;
        Assert.Equal((123.2, 116.5, 77.6, 94.0), (f.ABaseline!.Value, f.AFollowup!.Value, f.BBaseline!.Value, f.BFollowup!.Value));
        Assert.Equal(-6.7, f.AChange!.Value, 10);
        Assert.Equal(16.4, f.BChange!.Value, 10);
        Assert.Equal(-23.1, f.DifferenceInDifferences!.Value, 10);
    }

    [Fact]
    public void MeanStayIsTheMeanDurationOfTheStock()
    {
        // A: 100 → 90, change −10; B: 80 → 95, change +15; DiD = −10 − 15 = −25
        var did = new DifferenceInDifferences("A", "B", With(1, 100), With(1, 90), With(1, 80), With(1, 95));
        var f = did.MeanStayDays;
        Assert.Equal((-10.0, 15.0, -25.0), (f.AChange!.Value, f.BChange!.Value, f.DifferenceInDifferences!.Value));
    }

    [Fact]
    public void OneMissingValueMakesTheDifferenceNull()
    {
        // B's follow-up rate is null (a population count is missing): B's change and the DiD are null; A's change stays −6.7
        var did = new DifferenceInDifferences("A", "B", With(123.2, 0), With(116.5, 0), With(77.6, 0), With(null, 0));
        var f = did.ResidentialDaysPer1000;
        Assert.Equal(-6.7, f.AChange!.Value, 10);
        Assert.Null(f.BChange);
        Assert.Null(f.DifferenceInDifferences);
    }

    [Fact]
    public void AMissingBaselineMakesTheDifferenceNullToo()
    {
        var f = new DifferenceInDifferences("A", "B", With(null, null), With(116.5, 90), With(77.6, 80), With(94.0, 95)).MeanStayDays;
        Assert.Null(f.AChange);
        Assert.Equal(15.0, f.BChange);
        Assert.Null(f.DifferenceInDifferences);
    }

    [Fact]
    public void AMeasurementWithoutOutcomesGivesNull()
    {
        var f = new DifferenceInDifferences("A", "B", With(1, 1) with { Outcomes = null }, With(2, 1), With(3, 1), With(4, 1)).ResidentialDaysPer1000;
        Assert.Null(f.DifferenceInDifferences);
    }
}
