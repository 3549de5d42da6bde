using Monitor.Core.Measurements;

namespace Monitor.Core.Outcomes;

/// <summary>
/// The difference in differences of two regions over a baseline and a follow-up period
/// (docs/outcomes.md): the change in region A minus the change in region B, for residential days per
/// 1,000 youths and for the mean stay. Region B stands for what would have happened in A without its
/// programme; that reading assumes both regions would otherwise have moved alike (parallel trends).
/// </summary>
public sealed record DifferenceInDifferences(
    string RegionA,
    string RegionB,
    Measurement ABaseline,
    Measurement AFollowup,
    Measurement BBaseline,
    Measurement BFollowup)
{
    /// <summary>Intervals and the pre-period trend check (<see cref="DidStatistics"/>), when they were asked for.</summary>
    public DidStatisticsResult? Statistics { get; init; }

    public DidFigure ResidentialDaysPer1000 => Figure(m => m.Outcomes?.ResidentialDaysPer1000);

    /// <summary>The mean stay of the stock (<c>duration_days.mean_all</c>).</summary>
    public DidFigure MeanStayDays => Figure(m => m.Duration.MeanAll);

    private DidFigure Figure(Func<Measurement, double?> value)
    {
        var (a0, a1, b0, b1) = (value(ABaseline), value(AFollowup), value(BBaseline), value(BFollowup));
        var changeA = a1 - a0;
        var changeB = b1 - b0;
        return new DidFigure(a0, a1, changeA, b0, b1, changeB, changeA - changeB);
    }
}

/// <summary>One figure of a difference in differences; null where a value is missing.</summary>
public sealed record DidFigure(double? ABaseline, double? AFollowup, double? AChange, double? BBaseline, double? BFollowup, double? BChange, double? DifferenceInDifferences);
