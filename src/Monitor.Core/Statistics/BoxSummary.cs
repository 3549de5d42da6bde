namespace Monitor.Core.Statistics;

/// <summary>
/// Tukey box-plot summary, what a box chart needs and nothing it would have to recompute.
/// </summary>
/// <param name="Min">Smallest value.</param>
/// <param name="Q1">First quartile (type 7, linear interpolation).</param>
/// <param name="Median">Median.</param>
/// <param name="Q3">Third quartile (type 7).</param>
/// <param name="Max">Largest value.</param>
/// <param name="LowerWhisker">Smallest value at or above Q1 − 1.5·IQR.</param>
/// <param name="UpperWhisker">Largest value at or below Q3 + 1.5·IQR.</param>
/// <param name="Outliers">Values beyond the whiskers, ascending.</param>
/// <param name="Count">Number of values.</param>
public sealed record BoxSummary(
    double Min, double Q1, double Median, double Q3, double Max,
    double LowerWhisker, double UpperWhisker, IReadOnlyList<double> Outliers, int Count);
