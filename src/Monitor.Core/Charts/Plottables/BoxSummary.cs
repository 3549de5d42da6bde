namespace Monitor.Core.Charts;

/// <summary>
/// The five numbers and outliers a box plot draws. The statistics module computes them (and
/// chooses the quantile definition and whisker rule); the chart only draws what it is given.
/// </summary>
/// <param name="WhiskerLow">End of the lower whisker, e.g. the lowest value within 1.5 × IQR of Q1.</param>
/// <param name="WhiskerHigh">End of the upper whisker.</param>
/// <param name="Outliers">Values beyond the whiskers, drawn as open circles; [] for none.</param>
public sealed record BoxSummary(double WhiskerLow, double Q1, double Median, double Q3, double WhiskerHigh, IReadOnlyList<double> Outliers)
{
    /// <summary>The lowest value drawn: the lower whisker or an outlier below it.</summary>
    public double Min => Outliers.Append(WhiskerLow).Min();

    /// <summary>The highest value drawn: the upper whisker or an outlier above it.</summary>
    public double Max => Outliers.Append(WhiskerHigh).Max();

    /// <summary>True when the numbers are finite and in order, whisker ≤ Q1 ≤ median ≤ Q3 ≤ whisker.</summary>
    public bool IsValid =>
        new[] { WhiskerLow, Q1, Median, Q3, WhiskerHigh }.All(double.IsFinite) && Outliers.All(double.IsFinite)
        && WhiskerLow <= Q1 && Q1 <= Median && Median <= Q3 && Q3 <= WhiskerHigh;
}
