using Monitor.Core.Statistics;

namespace Monitor.Core.Tests.Statistics;

/// <summary>
/// The Brookmeyer–Crowley interval of the Kaplan–Meier median (and quartiles) equals R survival's. The
/// expected numbers were computed with R 4.2.2 and survival 3.5-3 (Debian's r-base-core, r-cran-survival):
/// <code>
/// library(survival)
/// f &lt;- survfit(Surv(t, s) ~ 1)          # conf.type = "log", the default
/// quantile(f, c(0.25, 0.5, 0.75))
/// </code>
/// </summary>
public class KaplanMeierQuantileIntervalTests
{
    // 40 entry-cohort stays in days; true = exited, false = still staying at the as-of date.
    private static readonly int[] Days = [2, 5, 7, 7, 9, 14, 14, 18, 21, 25, 28, 30, 33, 40, 42, 47, 52, 60, 61, 66, 75, 80, 88, 90, 95, 101, 120, 130, 150, 181, 200, 240, 260, 300, 365, 400, 450, 500, 600, 730];
    private static readonly int[] Exited = [1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 0, 0];

    private static KaplanMeierCurve Curve(int[] days, int[] exited) =>
        KaplanMeier.Estimate(days.Zip(exited, (d, e) => new SurvivalTime(d, e == 1)));

    [Theory]
    // R: $quantile 30 90 365; $lower 14 52 150; $upper 75 240 NA
    [InlineData(0.25, 30, 14.0, 75.0)]
    [InlineData(0.50, 90, 52.0, 240.0)]
    [InlineData(0.75, 365, 150.0, null)]
    public void MatchesRSurvivalsSurvfitWithTheLogTransform(double q, int quantile, double? lower, double? upper)
    {
        var curve = Curve(Days, Exited);
        Assert.Equal(quantile, curve.Quantile(q));
        var interval = KaplanMeierQuantileInterval.Of(curve, q);
        Assert.Equal(lower, interval.Lower);
        Assert.Equal(upper, interval.Upper);
    }

    [Fact]
    public void ACurveThatReachesZeroHasNoBandThereAsInR()
    {
        // R: median 30, lower 15, upper NA (the upper curve stays at 1; at S = 0 the band is NA).
        var curve = Curve([5, 10, 10, 15, 30, 40, 41, 60], [1, 1, 0, 1, 1, 0, 1, 1]);
        Assert.Equal(30, curve.Median);
        Assert.Equal(new QuantileInterval(15, null), KaplanMeierQuantileInterval.Of(curve));
    }

    [Fact]
    public void TooFewExitsLeaveBothBoundsOpen()
    {
        // R: 20 stays, one exit: median NA, lower NA, upper NA.
        var curve = Curve(Enumerable.Range(1, 20).Select(d => d * 10).ToArray(), [1, .. Enumerable.Repeat(0, 19)]);
        Assert.Null(curve.Median);
        Assert.Equal(new QuantileInterval(null, null), KaplanMeierQuantileInterval.Of(curve));
        Assert.Equal(new QuantileInterval(null, null), KaplanMeierQuantileInterval.Of(KaplanMeier.Estimate([])));
    }

    [Fact]
    public void TheIntervalHoldsTheMedianOnRandomCohorts()
    {
        // Property: wherever both exist, lower <= median <= upper, and a wider level never narrows it.
        var random = new Random(7);
        for (var run = 0; run < 300; run++)
        {
            var n = random.Next(1, 80);
            var curve = KaplanMeier.Estimate(Enumerable.Range(0, n).Select(_ => new SurvivalTime(random.Next(1, 400), random.NextDouble() < 0.7)));
            if (curve.Median is not { } median) continue;
            var ci95 = KaplanMeierQuantileInterval.Of(curve);
            var ci99 = KaplanMeierQuantileInterval.Of(curve, level: 0.99);
            if (ci95.Lower is { } l) Assert.True(l <= median, $"run {run}: lower {l} > median {median}");
            if (ci95.Upper is { } u) Assert.True(u >= median, $"run {run}: upper {u} < median {median}");
            if (ci99.Lower is { } l99 && ci95.Lower is { } l95) Assert.True(l99 <= l95);
            if (ci95.Upper is { } u95 && ci99.Upper is { } u99) Assert.True(u99 >= u95);
            if (ci95.Upper is null) Assert.Null(ci99.Upper);
        }
    }
}
